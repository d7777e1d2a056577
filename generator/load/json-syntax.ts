/**
 * Finds where JSON text first breaks the grammar.
 *
 * `JSON.parse` reports a position for most errors but not all (V8 says only "Unexpected token ','"
 * for some inputs), and a user needs a line and column to fix a broken spec. This scanner runs
 * only after `JSON.parse` failed, so its speed does not matter.
 */

/** Offset and description of the first syntax error, or `undefined` if the text is valid JSON. */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxFailure(i, message);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const describe = (): string => (i >= text.length ? 'end of input' : `'${text[i]}'`);
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`Unexpected ${describe()}`);
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('Invalid \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('Invalid escape in string');
      } else if (c < ' ') {
        fail('Control character in string');
      } else i++;
    }
    fail('Unterminated string');
  };
  const number = (): void => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail(`Unexpected ${describe()}`);
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`Expected a double-quoted property name, found ${describe()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`Expected ':' after property name, found ${describe()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`Expected ',' or '}' after property value, found ${describe()}`);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`Expected ',' or ']' after array element, found ${describe()}`);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`Unexpected ${describe()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`Unexpected ${describe()} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxFailure) return { offset: error.offset, message: error.message };
    throw error;
  }
}

class JsonSyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}
