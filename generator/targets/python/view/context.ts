/**
 * What every part of the Python view works from: the IR, the Python names of its name requests,
 * the package's names, the module each class lives in, and the type printer.
 */
import type { Ir, IrModel, IrName, IrOperation, IrSchema } from '../../../ir/types';
import type { Names } from '../../../naming';
import { moduleName } from '../naming-policy';
import type { PyImports } from './imports';
import { PyTypePrinter } from './types';

/** The package settings the view prints (resolved by the config stage). */
export interface PyPackageSettings {
  /** Distribution name (`pip install <name>`). */
  readonly distributionName: string;
  /** Import package (`import <name>`), the folder the code lives in. */
  readonly importName: string;
  readonly version: string;
  /** `package.repository` and `package.homepage` of the config (validated URLs). */
  readonly repository?: string | undefined;
  readonly homepage?: string | undefined;
}

/** Where a module lives: `models`, `exceptions`, `controllers`, or the package root (`''`). */
export type PyFolder = 'models' | 'exceptions' | 'controllers' | 'http/auth' | '';

export class PyContext {
  readonly printer: PyTypePrinter;
  /** Models by name, for following `$ref`s (examples, docs). */
  readonly models: ReadonlyMap<IrName, IrModel>;

  constructor(
    readonly ir: Ir,
    readonly names: Names,
    readonly settings: PyPackageSettings,
  ) {
    this.models = new Map(ir.models.map((m) => [m.name, m]));
    this.printer = this.printerIn('', { lazyClasses: false });
  }

  /** The model whose module is being written, if any (set by the models view). */
  definingModel: IrName | undefined;

  /** The Python identifier of a name. */
  name(name: IrName): string {
    return this.names.of(name);
  }

  /** A class the view derives from a name's class (see `pythonDerivedNames`): claimed with it. */
  derivedName(name: IrName, kind: 'async' | 'raw' | 'asyncRaw'): string {
    return this.names.derived(name, kind);
  }

  /** The module (file name without `.py`) of a class. */
  module(name: IrName): string {
    // Asked for every reference of every model module: thousands of times on a large API.
    let module = this.modules.get(name);
    if (module === undefined) {
      module = moduleName(this.name(name));
      this.modules.set(name, module);
    }
    return module;
  }

  private readonly modules = new Map<IrName, string>();

  /** A type printer for a module in `folder` (relative imports depend on where the module is). */
  printerIn(folder: PyFolder, options: { lazyClasses: boolean }): PyTypePrinter {
    const printer = new PyTypePrinter(this.names, (model, imports) => this.modelRef(model, imports, folder, options.lazyClasses), (model) => this.models.get(model));
    printer.runtimeModel = `${relativeTo(folder, '')}_runtime.model`;
    return printer;
  }

  /**
   * Refers to a model from a module in `folder`: imported from its own module, for annotations
   * only when `lazy` (the fields of object models: models may refer to each other in cycles, which
   * the package resolves once every model exists), else at import time (base classes, constant
   * defaults, type aliases, which are evaluated when their module loads).
   */
  modelRef(model: IrName, imports: PyImports, folder: PyFolder, lazy = false): string {
    const name = this.name(model);
    // A model referring to itself needs no import (its own module defines it).
    if (model === this.definingModel) return name;
    const from = `${relativeTo(folder, 'models')}${this.module(model)}`;
    if (lazy) imports.typeOnlyFrom(from, name);
    else imports.from(from, name);
    return name;
  }

  /** An operation's id in messages and docs: the spec's operationId, else its method name. */
  operationId(op: Pick<IrOperation, 'operationId' | 'methodName'>): string {
    return op.operationId ?? this.name(op.methodName);
  }

  type(schema: IrSchema, imports: PyImports, folder: PyFolder): string {
    return this.printerIn(folder, { lazyClasses: false }).annotation(schema, imports);
  }
}

/** A model generated as a class (object schemas and enums), not as a type alias. */
export function isClassModel(model: IrModel): boolean {
  const s = model.schema;
  return (s.kind === 'object' || s.kind === 'enum') && !s.nullable;
}

/** The relative import prefix from a module in `from` to modules in `to` (`..models.`, `.`). */
export function relativeTo(from: PyFolder, to: PyFolder): string {
  if (from === to) return '.';
  const depth = from === '' ? 0 : from.split('/').length;
  const up = '.'.repeat(depth + 1);
  return to === '' ? up : `${up}${to.replace(/\//g, '.')}.`;
}
