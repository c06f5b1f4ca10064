/**
 * Issue 12's clinic screens in the browser, two vaults in one test: vault A
 * makes itself a clinic, vault B writes a join request (its fingerprint on
 * screen), A opens it, sees the same fingerprint and types it, approves B as
 * a member and saves the acceptance; B opens it and joins. A exports its
 * changes, B imports them and shows the summary. Then A revokes B behind a
 * confirmation and the devices list says so. A mistyped fingerprint is
 * refused with the core's message. Screenshots in English and Spanish.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harnessCall, screenshot } from './browser';
import { checkAndCloseSessions, openIntakeSession, type IntakeSession } from './intake-helpers';
import { downloaded, fingerprintOn, unlockToSettings } from './clinic-helpers';
import { stepsBuildOnEachOther } from './steps';

let a: IntakeSession;
let b: IntakeSession;
const folder = mkdtempSync(join(tmpdir(), 'amparo-e2e-exchange-'));
let requestText = '';
let acceptanceText = '';
let bFingerprint = '';

beforeAll(async () => {
  a = await openIntakeSession();
  b = await openIntakeSession();
  // A record on A, so the exchange carries something.
  await harnessCall(a.harness, 'intake.createQuick', {
    intake: { givenName: 'Rosa', familyName: 'Clinica', dob: '1990-03-03', detained: false },
  });
  await unlockToSettings(a);
  await unlockToSettings(b);
});

checkAndCloseSessions(() => [a, b]);

describe('clinic: join, approve, exchange, revoke', () => {
  stepsBuildOnEachOther();

  it('A makes a clinic vault', async () => {
    await a.page.getByRole('button', { name: 'Make this a clinic vault' }).click();
    await a.page.getByText('This vault is now the clinic’s lead vault.').waitFor();
    await a.page.getByRole('heading', { name: 'Approve a laptop' }).waitFor();
    expect((await harnessCall(a.harness, 'clinic.status', {})).clinic?.role).toBe('lead');
  });

  it('B writes a join request and shows its fingerprint', async () => {
    requestText = await downloaded(b.page, () => b.page.getByRole('button', { name: 'Write a join request' }).click());
    expect(JSON.parse(requestText).body.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    bFingerprint = ((await fingerprintOn(b.page, 'my-fingerprint')) ?? '').trim();
    expect(bFingerprint.replace(/\D/g, '')).toHaveLength(30);
    await screenshot(b.page, 'clinic-join-request');
  });

  it('A opens the request: the same fingerprint; a mistyped one is refused in plain words', async () => {
    await a.page.getByLabel('Open a join request file').setInputFiles({
      name: 'request.json',
      mimeType: 'application/json',
      buffer: Buffer.from(requestText),
    });
    await a.page.getByTestId('approve-form').waitFor();
    const shown = (await fingerprintOn(a.page, 'approve-form')) ?? '';
    expect(shown.replace(/\D/g, '')).toBe(bFingerprint.replace(/\D/g, ''));
    await a.page.getByLabel('Digits shown on the other laptop').fill('12345 67890');
    await a.page.getByRole('button', { name: 'Approve and save the acceptance' }).click();
    await a.page.getByText('The fingerprints do not match. Do not approve').waitFor();
    expect(await harnessCall(a.harness, 'clinic.devices', {})).toHaveLength(1);
  });

  it('a tampered request is refused with the core’s message', async () => {
    const bad = JSON.parse(requestText);
    bad.body.boxPub = bad.body.signPub;
    await a.page.getByLabel('Open a join request file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await a.page.getByText(/This join file was changed after it was written/).waitFor();
  });

  it('A approves B as a member with the matching digits and saves the acceptance', async () => {
    await a.page.getByLabel('Open a join request file').setInputFiles({
      name: 'request.json',
      mimeType: 'application/json',
      buffer: Buffer.from(requestText),
    });
    await a.page.getByTestId('approve-form').waitFor();
    await a.page.getByLabel('Digits shown on the other laptop').fill(bFingerprint);
    await a.page.getByLabel('Member', { exact: true }).check();
    await a.page.getByLabel('Name for this laptop (optional)').fill('Laptop B');
    await screenshot(a.page, 'clinic-approve');
    acceptanceText = await downloaded(a.page, () => a.page.getByRole('button', { name: 'Approve and save the acceptance' }).click());
    await a.page.getByText(/Approved. Acceptance file saved/).waitFor();
    await a.page.getByRole('row', { name: /Laptop B/ }).waitFor();
  });

  it('B opens the acceptance and joins as a member', async () => {
    await b.page.getByLabel('Open the acceptance file').setInputFiles({
      name: 'acceptance.json',
      mimeType: 'application/json',
      buffer: Buffer.from(acceptanceText),
    });
    await b.page.getByText('This vault joined the clinic as: Member.').waitFor();
    expect((await harnessCall(b.harness, 'clinic.status', {})).clinic?.role).toBe('member');
  });

  it('A exports its changes; B imports them and shows the summary', async () => {
    await a.page.getByLabel('Exchange folder').fill(folder);
    await a.page.getByRole('button', { name: 'Export changes', exact: true }).click();
    await a.page
      .getByRole('status')
      .filter({ hasText: /change/ })
      .first()
      .waitFor();
    await b.page.getByLabel('Exchange folder').fill(folder);
    await b.page.getByRole('button', { name: 'Import changes' }).click();
    const summary = b.page.getByText(/\d+ changes? from 1 device, 0 conflicts, 0 possible duplicates\./);
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).not.toMatch(/^0 changes/);
    await screenshot(b.page, 'clinic-b-imported');
  });

  it('A revokes B behind a confirmation; the devices list shows it (and in Spanish)', async () => {
    await a.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const row = a.page.getByRole('row', { name: /Laptop B/ });
    await row.getByRole('button', { name: 'Revoke Laptop B' }).click();
    await row.getByText('Revoke Laptop B? Its later bundles will be refused.').waitFor();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.getByText(/^Revoked /).waitFor();
    const devices = await harnessCall(a.harness, 'clinic.devices', {});
    expect(devices.find((d) => d.label === 'Laptop B')?.revokedAt).toBeTruthy();
    await screenshot(a.page, 'clinic-devices-revoked');
    await a.page.getByRole('button', { name: 'Español', exact: true }).click();
    await a.page.getByRole('heading', { name: 'Dispositivos de esta clínica' }).waitFor();
    await a.page
      .getByRole('row', { name: /Laptop B/ })
      .getByText(/^Revocado el /)
      .waitFor();
    await screenshot(a.page, 'clinic-devices-es');
  });
});
