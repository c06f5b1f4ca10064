import type { Migration } from '../migrate';
import { m0001 } from './0001-init';
import { m0002 } from './0002-intake';
import { m0003 } from './0003-deadlines';
import { m0004 } from './0004-forms';
import { m0005 } from './0005-docket-hearings';
import { m0006 } from './0006-reports';
import { m0007 } from './0007-exchange';
import { m0008 } from './0008-audit-chain';
import { m0009 } from './0009-search-places';
import { m0010 } from './0010-report-indexes';
import { m0011 } from './0011-family-links';
import { m0012 } from './0012-detention-eoir';
import { m0013 } from './0013-exchange-field-paths';
import { m0014 } from './0014-search-prefixes';
import { m0015 } from './0015-audit-indexes';
import { m0016 } from './0016-exchange-eoir-checks';
import { m0017 } from './0017-audit-seq-key';
import { m0018 } from './0018-exchange-log-check';
import { m0019 } from './0019-docket-indexes';
import { m0020 } from './0020-docket-detained';
import { m0021 } from './0021-duplicate-dob';
import { m0022 } from './0022-docket-hearings-copy';
import { m0023 } from './0023-duplicate-fields';
import { m0024 } from './0024-duplicate-keys-a-number';

/** In version order. One file per version; never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
  m0020,
  m0021,
  m0022,
  m0023,
  m0024,
];
