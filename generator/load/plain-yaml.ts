/**
 * A fast path for YAML specs: js-yaml's loader is about four times faster than building `yaml`'s
 * Document (0.07 s against 0.3 s for the Shell EV spec, most of the time it takes to generate its
 * SDK). It is taken for documents of plain YAML 1.2 only: a single document without directives,
 * tags, anchors, aliases, merge keys (`<<`), collection keys or null keys. On those the two parsers
 * build the same value (the core schema resolves scalars alike; checked over every YAML spec of
 * the repository and the corpus in `test/load/plain-yaml.test.ts`). They differ on the rest (the
 * `%YAML 1.1` schema, explicit tags, what an alias or a merge copies, how a null key is spelled),
 * so any of it, and anything js-yaml refuses, is left to `yaml`, which also reports syntax errors
 * with their positions.
 */
import { constructFromEvents, CORE_SCHEMA, EVENT_ALIAS, EVENT_DOCUMENT, EVENT_MAPPING, EVENT_POP, EVENT_SCALAR, EVENT_SEQUENCE, parseEvents, SCALAR_STYLE_PLAIN, type Event } from 'js-yaml';

/**
 * References to one anchor `yaml` allows when its node holds no alias (its `maxAliasCount`, 100,
 * counting the anchor itself); more, or aliases inside an aliased node, it refuses or weighs.
 */
const MAX_ALIASES = 99;

/** Plain scalars the core schema reads as null; as a mapping key `yaml` spells it `""`, js-yaml `"null"`. */
const NULL_KEY = /^(?:~|null|Null|NULL|)$/;

/** The value of `text` when it is plain YAML (see above), or `undefined` for `yaml` to parse. */
export function loadPlainYaml(text: string): { readonly value: unknown } | undefined {
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
  for (const event of events) {
    if (event.type === EVENT_DOCUMENT) {
      if (++documents > 1 || event.directives.length > 0) return false;
      continue;
    }
    if (event.type === EVENT_POP) {
      open.pop();
      continue;
    }
    const parent = open[open.length - 1];
    const isKey = parent !== undefined && parent.mapping && parent.atKey;
    if (parent?.mapping === true) parent.atKey = !parent.atKey;
    if (event.type === EVENT_ALIAS) {
      const anchor = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
      if (isKey || anchor === undefined || anchor.nested || ++anchor.references > MAX_ALIASES || open.some((o) => o.anchor === anchor)) return false;
      for (const { anchor: around } of open) if (around !== undefined) around.nested = true;
      continue;
    }
    if (event.tagStart >= 0) return false;
    // A later anchor of the same name hides the earlier one from the aliases after it, in both parsers.
    const anchor: Anchor | undefined = event.anchorStart >= 0 ? { nested: false, references: 0 } : undefined;
    if (anchor !== undefined) anchors.set(text.slice(event.anchorStart, event.anchorEnd), anchor);
    if (event.type === EVENT_SCALAR) {
      if (isKey && event.style === SCALAR_STYLE_PLAIN) {
        const key = text.slice(event.valueStart, event.valueEnd);
        if (NULL_KEY.test(key) || key === '<<') return false;
      }
    } else if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
      if (isKey) return false;
      open.push({ mapping: event.type === EVENT_MAPPING, atKey: true, anchor });
    }
  }
  return documents === 1;
}
