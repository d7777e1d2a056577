/**
 * The named models of one IR build: which schema (by pointer and by node) is which model, and the
 * models in their final order (components in document order, then inline ones as they are met).
 */
import type { BuildContext, Json } from '../context';
import type { IrName } from '../types';
import type { ConvertedModel as IrModel } from '../usage';
import { specText } from './spec-text';

export class ModelRegistry {
  /** Pointer of a schema that is a named model → its name. */
  private readonly byPointer = new Map<string, IrName>();
  /**
   * The document nodes at the pointers of `byPointer`. The converter asks "is this node the model
   * at its pointer?" for every schema; checking the node first skips hashing a long, freshly built
   * pointer string in the (usual) case where the answer is no.
   */
  private readonly nodes = new WeakSet<object>();
  private readonly slots: (IrModel | undefined)[] = [];
  private readonly slotOf = new Map<IrName, number>();

  constructor(private readonly ctx: BuildContext) {}

  /** The model at `pointer`, if one is registered there. */
  at(pointer: string): IrName | undefined {
    return this.byPointer.get(pointer);
  }

  /** True when `node` is the schema of some registered model (cheap pre-check for `at`). */
  isModelNode(node: object): boolean {
    return this.nodes.has(node);
  }

  /** Registers `name` as the model at `pointer` and reserves its place in the model list. */
  register(pointer: string, name: IrName): void {
    this.remember(pointer, name);
    this.reserve(name);
  }

  /** Records a model by pointer without reserving a slot (an inline model reached again by `$ref`). */
  remember(pointer: string, name: IrName): void {
    this.byPointer.set(pointer, name);
    const node = this.ctx.at(pointer);
    if (typeof node === 'object' && node !== null) this.nodes.add(node);
  }

  /** Reserves the model's place in the final order. */
  reserve(name: IrName): void {
    this.slotOf.set(name, this.slots.length);
    this.slots.push(undefined);
  }

  /** True when the model's slot is reserved but not filled yet. */
  isPending(name: IrName): boolean {
    const slot = this.slotOf.get(name);
    return slot !== undefined && this.slots[slot] === undefined;
  }

  /** Fills a reserved slot. */
  define(model: Omit<IrModel, 'specName'>): void {
    const slot = this.slotOf.get(model.name);
    if (slot === undefined) return;
    const { name, origin, pointer, schema } = model;
    const specName = specText(name);
    this.slots[slot] = model.extends === undefined ? { name, specName, origin, pointer, schema } : { name, specName, origin, pointer, schema, extends: model.extends };
  }

  /**
   * Records an inline model by pointer so a later `$ref` to the same place reuses it. Only when
   * `node` is the whole schema there (not the own part of an `allOf`, or one type of a type list).
   */
  rememberInline(pointer: string, node: Json, name: IrName): void {
    if (!this.byPointer.has(pointer) && this.ctx.at(pointer) === node) this.remember(pointer, name);
  }

  all(): IrModel[] {
    return this.slots.filter((m): m is IrModel => m !== undefined);
  }
}
