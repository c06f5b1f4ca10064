import type { OpName, OpOutput, OpParsedInput } from '../../shared/contract';

/** One function per contract operation, receiving the already-parsed input. */
export type Handlers = { [K in OpName]: (input: OpParsedInput<K>) => Promise<OpOutput<K>> | OpOutput<K> };

/** The handlers of one feature: the operations whose names start with `prefix.` */
export type FeatureHandlers<P extends string> = Pick<Handlers, Extract<OpName, `${P}.${string}`>>;
