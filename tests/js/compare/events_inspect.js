const EE = require('events');
const e = new EE(); e.on('x', () => {}); e.on('x', function named() {}); e.once('y', () => {});
console.log(new EE(), e, new EE({ captureRejections: true }));
class Sub extends EE { constructor() { super(); this.own = 1; } }
console.log(new Sub());
console.log(require('util').inspect(EE, { depth: 0 }));
console.log(Object.keys(new EE()), Reflect.ownKeys(new EE()).length);
