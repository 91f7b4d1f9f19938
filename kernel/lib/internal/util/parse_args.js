'use strict';
// util.parseArgs: the command line is first cut into tokens (options, positionals, the `--`
// terminator), then the tokens are checked against the option configuration and stored.

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function defaultArgs() {
  const argv = process.argv;
  // Without a script (e.g. -e), argv[1] is not a file name.
  return argv.slice(process.execArgv && process._eval !== undefined ? 1 : 2);
}

function findLongOptionForShort(shortOption, options) {
  for (const longOption of Object.keys(options)) {
    if (options[longOption].short === shortOption) return longOption;
  }
  return shortOption;
}

function isLoneShortOption(arg) {
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}

function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}

function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}

function isShortOptionGroup(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionsGetType(options, findLongOptionForShort(arg[1], options)) !== 'string';
}

function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2 || arg[0] !== '-' || arg[1] === '-') return false;
  return optionsGetType(options, findLongOptionForShort(arg[1], options)) === 'string';
}

function isOptionValue(value) {
  return value != null;
}

function isOptionLikeValue(value) {
  return value != null && value.length > 1 && value[0] === '-';
}

function optionsGetType(options, name) {
  return hasOwn(options, name) ? options[name].type : undefined;
}

function tokenize(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const nextArg = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const rest of remaining) tokens.push({ kind: 'positional', index: ++index, value: rest });
      break;
    }

    if (isLoneShortOption(arg)) {
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      let value;
      let inlineValue;
      if (optionsGetType(options, longOption) === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    // A string short option with its value attached: -fvalue.
    if (isShortOptionAndValue(arg, options)) {
      const shortOption = arg[1];
      const longOption = findLongOptionForShort(shortOption, options);
      tokens.push({
        kind: 'option', name: longOption, rawName: `-${shortOption}`, index, value: arg.slice(2), inlineValue: true,
      });
      continue;
    }

    if (isShortOptionGroup(arg, options)) {
      // -abc is -a -b -c, unless one of them takes a value: then the rest is that value.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const shortOption = arg[i];
        const longOption = findLongOptionForShort(shortOption, options);
        if (optionsGetType(options, longOption) !== 'string' || i === arg.length - 1) {
          expanded.push(`-${shortOption}`);
        } else {
          expanded.push(`-${shortOption}${arg.slice(i + 1)}`);
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }

    if (isLoneLongOption(arg)) {
      const longOption = arg.slice(2);
      let value;
      let inlineValue;
      if (optionsGetType(options, longOption) === 'string' && isOptionValue(nextArg)) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isLongOptionAndValue(arg)) {
      const equalIndex = arg.indexOf('=');
      const longOption = arg.slice(2, equalIndex);
      const value = arg.slice(equalIndex + 1);
      tokens.push({ kind: 'option', name: longOption, rawName: `--${longOption}`, index, value, inlineValue: true });
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkOptionUsage(config, token) {
  if (!hasOwn(config.options, token.name)) return;
  const short = config.options[token.name].short;
  const shortAndLong = `${short ? `-${short}, ` : ''}--${token.name}`;
  const type = config.options[token.name].type;
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
}

function storeOption(longOption, optionValue, options, values) {
  if (longOption === '__proto__') return;
  const newValue = optionValue !== undefined ? optionValue : true;
  if (hasOwn(options, longOption) && options[longOption].multiple) {
    if (values[longOption] === undefined) values[longOption] = [newValue];
    else values[longOption].push(newValue);
  } else {
    values[longOption] = newValue;
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = hasOwn(config, 'args') ? config.args : defaultArgs();
  const strict = hasOwn(config, 'strict') ? config.strict : true;
  const allowPositionals = hasOwn(config, 'allowPositionals') ? config.allowPositionals : !strict;
  const returnTokens = hasOwn(config, 'tokens') ? config.tokens : false;
  const allowNegative = hasOwn(config, 'allowNegative') ? config.allowNegative : false;
  const options = hasOwn(config, 'options') ? config.options : { __proto__: null };
  const parseConfig = { args, strict, options, allowPositionals, allowNegative };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [longOption, optionConfig] of Object.entries(options)) {
    validateObject(optionConfig, `options.${longOption}`);
    validateUnion(optionConfig.type, `options.${longOption}.type`, ['string', 'boolean']);
    if (hasOwn(optionConfig, 'short')) {
      const shortOption = optionConfig.short;
      validateString(shortOption, `options.${longOption}.short`);
      if (shortOption.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${longOption}.short`, shortOption,
                                        'must be a single character');
      }
    }
    const multiple = hasOwn(optionConfig, 'multiple') ? optionConfig.multiple : false;
    validateBoolean(multiple, `options.${longOption}.multiple`);
    if (hasOwn(optionConfig, 'default')) {
      const def = optionConfig.default;
      if (optionConfig.type === 'string') {
        if (multiple) validateStringArray(def, `options.${longOption}.default`);
        else validateString(def, `options.${longOption}.default`);
      } else if (multiple) {
        validateBooleanArray(def, `options.${longOption}.default`);
      } else {
        validateBoolean(def, `options.${longOption}.default`);
      }
    }
  }

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;

  for (const token of tokens) {
    if (token.kind === 'option') {
      if (allowNegative && token.name.startsWith('no-') && token.value === undefined) {
        const positiveName = token.name.slice(3);
        if (!strict || (hasOwn(options, positiveName) && options[positiveName].type === 'boolean')) {
          storeOption(positiveName, false, options, result.values);
          continue;
        }
      }
      if (strict) {
        if (!hasOwn(options, token.name)) {
          throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
        }
        checkOptionUsage(parseConfig, token);
      }
      storeOption(token.name, token.value, options, result.values);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }

  for (const [longOption, optionConfig] of Object.entries(options)) {
    if (hasOwn(optionConfig, 'default') && result.values[longOption] === undefined) {
      result.values[longOption] = optionConfig.default;
    }
  }
  return result;
}

module.exports = { parseArgs, isOptionLikeValue };
