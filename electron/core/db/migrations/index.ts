import type { Migration } from '../migrate';
import { m0001 } from './0001-init';

/** In version order. One file per version; never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [m0001];
