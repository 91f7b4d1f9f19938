// Runs fixtures/esm/entry.mjs, which must live beside its node_modules; Node 20 is the reference.
import '../fixtures/esm/entry.mjs';
