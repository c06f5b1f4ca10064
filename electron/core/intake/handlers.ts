import type { Ctx } from '../context';
import type { FeatureHandlers } from '../handlers';
import {
  createPerson,
  fromFull,
  fromQuick,
  getPerson,
  listPeople,
  mergePeople,
  searchPage,
  searchPeople,
  updatePerson,
  addCase,
  updateCase,
  listCases,
} from './people';
import { discardDraft, getDraft, listDrafts, saveDraft } from './drafts';
import { findCandidates, recordDecision, requireDecisions, requireMergeForSame, type Decision, type MergeChoice } from './duplicates';

type Decisions = Array<{ otherId: string; decision: Decision }>;

/**
 * Saves the record, the user's duplicate decisions and drops the draft in one
 * transaction. A likely duplicate without a decision refuses the save
 * (DUPLICATE_UNDECIDED) for every transport: the window, the harness, the CLI.
 * "Same person" ends in one record: it must come with `merge` (which record
 * survives), and the new record is merged in the same transaction; without
 * it the save is refused, so the vault never silently holds the person twice.
 */
function saveIntake(ctx: Ctx, input: ReturnType<typeof fromQuick>, draftId: string | undefined, decisions: Decisions, merge?: MergeChoice) {
  return ctx.db.transaction(() => {
    const p = input.data.person;
    requireDecisions(findCandidates(ctx, { given: p.givenName, family: p.familyName, dob: p.dob, aNumber: p.aNumber }), decisions);
    requireMergeForSame(decisions, merge);
    const person = createPerson(ctx, input);
    for (const d of decisions) recordDecision(ctx, person.id, d.otherId, d.decision);
    if (draftId) discardDraft(ctx, draftId);
    if (!merge) return person;
    return merge.keep === 'existing' ? mergePeople(ctx, merge.otherId, person.id) : mergePeople(ctx, person.id, merge.otherId);
  })();
}

export function intakeHandlers(ctx: () => Ctx): FeatureHandlers<'intake'> {
  return {
    'intake.createQuick': ({ intake, draftId, decisions, merge }) => saveIntake(ctx(), fromQuick(intake), draftId, decisions, merge),
    'intake.createFull': ({ intake, draftId, decisions, merge }) => saveIntake(ctx(), fromFull(intake), draftId, decisions, merge),
  };
}

export function peopleHandlers(ctx: () => Ctx): FeatureHandlers<'people'> & FeatureHandlers<'cases'> & FeatureHandlers<'drafts'> {
  return {
    'people.get': ({ id }) => getPerson(ctx(), id),
    'people.update': ({ id, version, data }) => updatePerson(ctx(), id, version, data),
    'people.list': (q) => listPeople(ctx(), q),
    'people.search': ({ query, limit }) => searchPeople(ctx(), query, limit),
    'people.searchPage': ({ query, limit, countUpTo }) => searchPage(ctx(), query, limit, countUpTo),
    'people.checkDuplicates': ({ given, family, dob, aNumber, excludeId }) =>
      findCandidates(ctx(), { given, family, dob, aNumber }, { excludeId }),
    'people.decide': ({ personId, otherId, decision }) => {
      recordDecision(ctx(), personId, otherId, decision);
      return { recorded: true as const };
    },
    'people.merge': ({ keepId, mergeId }) => mergePeople(ctx(), keepId, mergeId),
    'cases.add': ({ personId, case: c }) => addCase(ctx(), personId, c),
    'cases.list': (q) => listCases(ctx(), q),
    'cases.update': ({ id, version, case: c }) => updateCase(ctx(), id, version, c),
    'drafts.save': (d) => saveDraft(ctx(), d),
    'drafts.list': () => listDrafts(ctx()),
    'drafts.get': ({ id }) => getDraft(ctx(), id),
    'drafts.discard': ({ id }) => {
      discardDraft(ctx(), id);
      return { discarded: true as const };
    },
  };
}
