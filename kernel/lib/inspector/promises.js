'use strict';
// inspector/promises: Session.post returns a promise.
const inspector = require('inspector');

class Session extends inspector.Session {
  post(method, params) {
    return new Promise((resolve, reject) => {
      super.post(method, params ?? null, (err, result) => (err ? reject(err) : resolve(result)));
    });
  }
}

module.exports = { ...inspector, Session };
