const x = 21;
function compute(v) {
  const doubled = v * 2;
  return doubled + 1;
}
const result = compute(x);
console.log('result', result);
