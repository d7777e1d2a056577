/**
 * What every part of the TypeScript view works from: the IR, the TypeScript names of its name
 * requests, the type printer for those names, and the target's settings.
 */
import type { Ir, IrName, IrOperation, IrSchema } from '../../../ir/types';
import type { Names } from '../../../naming';
import type { TypeText } from './layout';
import { TypePrinter } from './types';

/** The package settings the view prints (resolved by the config stage). */
export interface TsPackageSettings {
  readonly packageName: string;
  readonly packageVersion: string;
  /** `package.repository` and `package.homepage` of the config (validated URLs). */
  readonly repository?: string | undefined;
  readonly homepage?: string | undefined;
}

export class TsContext {
  readonly printer: TypePrinter;

  constructor(
    readonly ir: Ir,
    readonly names: Names,
    readonly settings: TsPackageSettings,
  ) {
    this.printer = new TypePrinter(names);
  }

  /** The TypeScript identifier of a name. */
  name(name: IrName): string {
    return this.names.of(name);
  }

  /** The TypeScript type of a schema. */
  type(schema: IrSchema): TypeText {
    return this.printer.type(schema);
  }

  /** An operation's id in messages and docs: the spec's operationId, else its method name. */
  operationId(op: Pick<IrOperation, 'operationId' | 'methodName'>): string {
    return op.operationId ?? this.name(op.methodName);
  }

  /** The method's return type (`void` without a success body). */
  returnType(op: IrOperation): string {
    return op.success?.schema ? this.type(op.success.schema).text : 'void';
  }
}
