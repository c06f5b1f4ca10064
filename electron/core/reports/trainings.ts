/**
 * Trainings: a "know your rights" session (date, place, organizer). Intakes
 * taken there are tagged with it, so the dashboard counts intakes per
 * training. The newest training whose date is today is the "current" one
 * the quick intake can offer.
 */
import { AppError } from '../../../shared/errors';
import type { TrainingView } from '../../../shared/views';
import { newId, type Ctx } from '../context';
import { audit } from '../audit';

interface TrainingRow {
  id: string;
  date: string;
  place: string;
  organizer: string | null;
  intakes: number;
}

const SELECT = `SELECT t.id, t.date, t.place, t.organizer,
  (SELECT count(*) FROM people p WHERE p.training_id = t.id AND p.merged_into IS NULL) AS intakes FROM trainings t`;

const view = (r: TrainingRow): TrainingView => ({ id: r.id, date: r.date, place: r.place, organizer: r.organizer, intakes: r.intakes });

export function listTrainings(ctx: Ctx): TrainingView[] {
  return (ctx.db.prepare(`${SELECT} ORDER BY t.date DESC, t.id DESC LIMIT 500`).all() as TrainingRow[]).map(view);
}

export function addTraining(ctx: Ctx, t: { date: string; place: string; organizer?: string | undefined }): TrainingView {
  const id = newId();
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO trainings(id, date, place, organizer, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, t.date, t.place, t.organizer ?? null, ctx.now(), ctx.actor);
    audit(ctx, 'training.create', 'training', id);
  })();
  return view(ctx.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TrainingRow);
}

/** Tags intakes with a training (or none, with null). Every person must exist; nothing changes otherwise. */
export function tagTraining(ctx: Ctx, personIds: readonly string[], trainingId: string | null): { tagged: number } {
  let tagged = 0;
  ctx.db.transaction(() => {
    if (trainingId !== null && !ctx.db.prepare('SELECT 1 FROM trainings WHERE id = ?').get(trainingId)) {
      throw new AppError('NOT_FOUND', 'That training is not in this vault.');
    }
    const set = ctx.db.prepare('UPDATE people SET training_id = ? WHERE id = ? AND merged_into IS NULL');
    for (const id of new Set(personIds)) {
      if (set.run(trainingId, id).changes === 0) throw new AppError('NOT_FOUND', 'One of these people is not in this vault.');
      tagged++;
    }
    audit(ctx, 'training.tag', 'training', trainingId ?? '', { count: tagged });
  })();
  return { tagged };
}
