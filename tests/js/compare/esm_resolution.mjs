// Runs fixtures/esm/resolution.mjs, which must live beside its node_modules; Node 20 is the reference.
import '../fixtures/esm/resolution.mjs';
