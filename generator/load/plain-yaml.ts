/**
 * A fast path for YAML specs: js-yaml's loader is about four times faster than building `yaml`'s
 * Document (0.07 s against 0.3 s for the Shell EV spec, most of the time it takes to generate its
 * SDK; 0.9 s against 4.3 s for a 10 MB spec). It is taken for documents of plain YAML 1.2 only: a
 * single document whose root is a mapping, without directives, tags, merge keys (`<<`), collection
 * keys, null keys, keys over 1,024 characters, numbers too large for a double, bare CR line ends
 * or `...` lines, and whose aliases (Shell EV's spec shares enum lists through them) point at nodes
 * without aliases, each fewer than `MAX_ALIASES` times. On those the two parsers build the same
 * value, an alias being the very object of its anchor in both (the core schema resolves scalars
 * alike; checked over every YAML spec of the repository and the corpus in
 * `test/load/plain-yaml.test.ts`, and by fuzzing). They differ on the rest (the `%YAML 1.1`
 * schema, explicit tags, what a merge copies, how a null key is spelled, `1e309` as a string or as
 * Infinity), `yaml` refuses aliases that expand too much (a "billion laughs" document) and some
 * text js-yaml reads (long implicit keys, bare CRs, `&a{`), so any of it, and anything js-yaml
 * refuses, is left to `yaml`, which also reports errors with their positions.
 */
import { constructFromEvents, CORE_SCHEMA, EVENT_ID, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';

/**
 * References to one anchor `yaml` allows when its node holds no alias (its `maxAliasCount`, 100,
 * counting the anchor itself); more, or aliases inside an aliased node, it refuses or weighs.
 */
const MAX_ALIASES = 99;

/** Plain scalars the core schema reads as null; as a mapping key `yaml` spells it `""`, js-yaml `"null"`. */
const NULL_KEY = /^(?:~|null|Null|NULL|)$/;

/** Implicit keys `yaml` allows (YAML 1.2 limits them to 1,024 characters). */
const MAX_KEY = 1024;

/** Plain scalars the core schema reads as numbers (`.inf` and `.nan` aside). */
const CORE_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** Whether a plain scalar is a number too large for a double: Infinity to `yaml`, a string to js-yaml. */
function overflows(scalar: string): boolean {
  const first = scalar.charCodeAt(0);
  // Digits, `+`, `-` and `.`: anything else cannot be a core number.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) || !CORE_NUMBER.test(scalar)) return false;
  const value = scalar.startsWith('0x') ? parseInt(scalar.slice(2), 16) : scalar.startsWith('0o') ? parseInt(scalar.slice(2), 8) : Number(scalar);
  return !Number.isFinite(value);
}

/** Text `yaml` reads otherwise than js-yaml: a CR that does not start a CRLF, a `...` line. */
const DIVERGENT_TEXT = /\r(?!\n)|^\.\.\.(?:[ \t\r\n]|$)/m;

/** The value of `text` when it is plain YAML (see above), or `undefined` for `yaml` to parse. */
export function loadPlainYaml(text: string): { readonly value: unknown } | undefined {
  if (DIVERGENT_TEXT.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  if (!isPlain(events, text)) return undefined;
  try {
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
    return documents.length === 1 ? { value: documents[0] } : undefined;
  } catch {
    return undefined; // e.g. a duplicate key: `yaml` reports it where it stands
  }
}

/** One open collection of the walk: a mapping alternates key and value, a sequence has none. */
interface Open {
  readonly mapping: boolean;
  atKey: boolean;
  /** The anchor on the collection, if any: an alias met before it closes is inside it. */
  readonly anchor: Anchor | undefined;
}

/** An anchored node: whether an alias is inside it, how often it is referred to. */
interface Anchor {
  nested: boolean;
  references: number;
}

function isPlain(events: readonly Event[], text: string): boolean {
  const open: Open[] = [];
  const anchors = new Map<string, Anchor>();
  let documents = 0;
  let root = true;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length > 0) return false;
      continue;
    }
    // An OpenAPI document is a mapping; anything else is for `yaml` to read and report.
    if (root && event.type !== EVENT_ID.MAPPING) return false;
    root = false;
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    const parent = open[open.length - 1];
    const isKey = parent !== undefined && parent.mapping && parent.atKey;
    if (parent?.mapping === true) parent.atKey = !parent.atKey;
    if (event.type === EVENT_ID.ALIAS) {
      const anchor = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
      if (isKey || anchor === undefined || anchor.nested || ++anchor.references > MAX_ALIASES || open.some((o) => o.anchor === anchor)) return false;
      for (const { anchor: around } of open) if (around !== undefined) around.nested = true;
      continue;
    }
    if (event.tagStart >= 0) return false;
    // A later anchor of the same name hides the earlier one from the aliases after it, in both parsers.
    const anchor: Anchor | undefined = event.anchorStart >= 0 ? { nested: false, references: 0 } : undefined;
    if (anchor !== undefined) {
      // `&a{…}`: js-yaml reads an anchor and a flow collection, `yaml` a syntax error.
      if (event.type !== EVENT_ID.SCALAR && /[[{]/.test(text.charAt(event.anchorEnd))) return false;
      anchors.set(text.slice(event.anchorStart, event.anchorEnd), anchor);
    }
    if (event.type === EVENT_ID.SCALAR) {
      if (isKey && event.valueEnd - event.valueStart > MAX_KEY) return false;
      if (event.style === SCALAR_STYLE.PLAIN) {
        const scalar = text.slice(event.valueStart, event.valueEnd);
        if (isKey && (NULL_KEY.test(scalar) || scalar === '<<')) return false;
        if (overflows(scalar)) return false;
      }
    } else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      if (isKey) return false;
      open.push({ mapping: event.type === EVENT_ID.MAPPING, atKey: true, anchor });
    }
  }
  return documents === 1;
}
