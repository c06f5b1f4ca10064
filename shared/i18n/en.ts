/**
 * English message catalog. Keys are flat and dotted; `es.ts` must have the
 * same keys (checked by the type system and by tests/unit/i18n).
 * `{name}` marks a parameter filled in by `t()`.
 * Messages never contain client data; parameters may (they stay in memory).
 */
export const en = {
  'app.name': 'Amparo',
  'app.tagline': 'Case manager for immigration legal clinics',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Opening Amparo…',
  'app.retry': 'Try again',
  'app.unreachable.title': 'Amparo cannot start',

  'lang.label': 'Language',

  'common.showPassphrases': 'Show passphrases while typing',

  'strength.label': 'Strength: {level}',
  'strength.0': 'too short',
  'strength.1': 'weak',
  'strength.2': 'fair',
  'strength.3': 'good',
  'strength.4': 'strong',

  'passphrase.tooShort': 'Use at least {min} characters.',
  'passphrase.tooLong': 'That is too long. Use at most 1024 characters.',
  'passphrase.required': 'Enter the passphrase.',
  'passphrase.confirmRequired': 'Type the passphrase a second time, to be sure it has no typo.',
  'passphrase.mismatch': 'The two passphrases do not match.',
  'passphrase.hint': 'At least {min} characters. A few unrelated words are easy to remember and hard to guess.',
  'recovery.required': 'Enter the recovery code.',
  'recovery.badFormat': 'A recovery code has 32 letters and numbers (8 groups of 4).',
  'form.invalid': 'Check this field.',

  'create.title': 'Create the encrypted vault',
  'create.intro':
    'Amparo keeps all client information in one encrypted file on this computer. Choose a passphrase to protect it. Everyone who uses Amparo on this computer will need it.',
  'create.passphrase': 'Passphrase',
  'create.confirm': 'Type the passphrase again',
  'create.warning':
    'Without the passphrase or the recovery code, nobody can open this data: not you, not the clinic, not the people who make Amparo.',
  'create.submit': 'Create vault',
  'create.submitting': 'Creating the vault…',

  'recoveryCode.title': 'Your recovery code',
  'recoveryCode.intro':
    'If the passphrase is ever forgotten, this code is the only other way to open the vault. It is shown only this once.',
  'recoveryCode.instructions':
    'Print it or copy it by hand onto paper, and keep it somewhere safe away from this computer, such as the clinic’s locked cabinet. Do not email it or save it in a file on this computer.',
  'recoveryCode.codeLabel': 'Recovery code',
  'recoveryCode.printHeading': 'Amparo vault recovery code',
  'recoveryCode.printNote':
    'Anyone who has this code and the vault file can read the client data. Keep this paper locked away.',
  'recoveryCode.print': 'Print',
  'recoveryCode.saved': 'I have printed or written down the recovery code and stored it safely.',
  'recoveryCode.continue': 'Continue',
  'recoveryCode.mustConfirm': 'Tick the box above to continue.',

  'unlock.title': 'Unlock Amparo',
  'unlock.intro': 'Enter the passphrase to open the encrypted vault.',
  'unlock.locked': 'The vault is locked. Client data stays encrypted until someone unlocks it.',
  'unlock.passphrase': 'Passphrase',
  'unlock.submit': 'Unlock',
  'unlock.submitting': 'Unlocking…',
  'unlock.useRecovery': 'Forgot the passphrase? Use the recovery code',

  'recover.title': 'Unlock with the recovery code',
  'recover.intro':
    'Type the recovery code from the paper, then choose a new passphrase. The old passphrase will stop working.',
  'recover.code': 'Recovery code',
  'recover.codeHint': '32 letters and numbers. Dashes, spaces and lowercase letters are fine.',
  'recover.newPassphrase': 'New passphrase',
  'recover.confirm': 'Type the new passphrase again',
  'recover.submit': 'Unlock and set new passphrase',
  'recover.submitting': 'Unlocking…',
  'recover.back': 'Back to unlock with passphrase',
  'recover.done': 'Your new passphrase is set. The recovery code still works.',

  'shell.lock': 'Lock',
  'shell.lockShortcut': 'Ctrl+L',
  'shell.nav': 'Main navigation',
  'shell.locking': 'Locking…',

  'nav.intake': 'Intake',
  'nav.people': 'People',
  'nav.docket': 'Docket',
  'nav.forms': 'Forms',
  'nav.settings': 'Settings',

  'page.comingSoon': 'Coming soon',
  'page.intake.body':
    'A guided intake interview that records a new client, their family and their immigration history, in English or Spanish.',
  'page.people.body': 'Search and edit clients, family members and contacts, with a warning when someone may already be on file.',
  'page.docket.body': 'Hearings and filing deadlines, calculated from the rules with their legal citations and court holidays.',
  'page.forms.body': 'USCIS forms such as the I-589, filled in from the client record and saved as PDF.',

  'settings.location.title': 'Where the data lives',
  'settings.location.body':
    'The encrypted vault is stored in this folder. Include it in the clinic’s backups; it cannot be read without the passphrase or the recovery code.',
  'settings.location.label': 'Vault folder',
  'settings.change.title': 'Change passphrase',
  'settings.change.intro': 'The recovery code keeps working after the change.',
  'settings.change.current': 'Current passphrase',
  'settings.change.next': 'New passphrase',
  'settings.change.confirm': 'Type the new passphrase again',
  'settings.change.submit': 'Change passphrase',
  'settings.change.submitting': 'Changing passphrase…',
  'settings.change.done': 'Passphrase changed. Use the new one the next time you unlock.',

  'error.INVALID_INPUT': 'Some fields are not valid. Check them and try again.',
  'error.WRONG_PASSPHRASE': 'That passphrase does not open this vault.',
  'error.WRONG_RECOVERY_CODE': 'That recovery code does not open this vault. Check each group of four characters.',
  'error.VAULT_EXISTS': 'A vault already exists in this folder.',
  'error.VAULT_NOT_FOUND':
    'There is no vault in this folder, or its database file is missing. If you have a backup, restore it.',
  'error.VAULT_LOCKED': 'The vault is locked. Unlock it to continue.',
  'error.KEYSLOTS_MISSING': 'The key file that goes with the vault is missing. Restore it from your backup.',
  'error.KEYSLOTS_CORRUPT': 'The key file that goes with the vault is damaged. Restore it from your backup.',
  'error.DB_CORRUPT': 'The vault file is damaged or does not match its key file. Restore it from your backup.',
  'error.DB_FROM_FUTURE': 'This vault was made by a newer version of Amparo. Update Amparo to open it.',
  'error.NOT_FOUND': 'That record was not found. It may have been deleted.',
  'error.STALE_WRITE':
    'Someone else changed this record while you were editing it. Reload it and make your changes again.',
  'error.UNKNOWN_RULE': 'Amparo does not know that deadline rule.',
  'error.BAD_DATE': 'That date is not valid.',
  'error.CSV_INVALID': 'That CSV file could not be read. Check that it has the expected columns.',
  'error.PDF_INVALID': 'That file is not a readable PDF.',
  'error.PDF_NEEDS_PASSWORD': 'That PDF is protected with a password and cannot be opened.',
  'error.PDF_NO_FORM': 'That PDF has no fillable form fields.',
  'error.PDF_WRONG_EDITION':
    'That PDF is a different edition of the form than Amparo expects. Download the current edition from USCIS.',
  'error.CANCELLED': 'The operation was cancelled.',
  'error.FORBIDDEN': 'That action is not allowed.',
  'error.INTERNAL': 'Something went wrong inside Amparo. Your saved data is unchanged. Please try again.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
