import { z } from 'zod';
import { operation } from './operation';
import type { AppInfo } from './appInfo';
import { settingsPatchSchema, type Settings } from './settings';

/** Operations that take no input accept `undefined` or `{}` and nothing else. */
const noInput = z.object({}).strict().optional();

/**
 * Every operation the UI, the CLI and the tests may call. Names are `domain.verb`; a handler
 * map in src-main/api must implement each one (the compiler checks).
 */
export const contract = {
  'app.info': operation<AppInfo>()({
    input: noInput,
    summary: 'Version, run mode, data folder and the language in force.',
  }),
  'settings.get': operation<Settings>()({
    input: noInput,
    summary: 'The workstation settings.',
  }),
  'settings.update': operation<Settings>()({
    input: settingsPatchSchema,
    summary: 'Change some settings; answers the settings after the change.',
  }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = NonNullable<Contract[N]['__result']>;

export const operationNames = Object.keys(contract) as OperationName[];

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.hasOwn(contract, name);
