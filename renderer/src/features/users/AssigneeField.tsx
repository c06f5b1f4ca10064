/**
 * "Assigned to" picks a user of this vault (issue 10): the names come from
 * users.assignable. A name already on a case that is no longer a user (an
 * older free-text entry, a removed volunteer) stays choosable, said as such,
 * so opening a case never changes it silently. Roles that cannot assign
 * (volunteers) do not see the field.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { useCoreQuery } from '../../query';
import { useSession } from '../../session';
import { SelectField } from '../intake/fields';

export function AssigneeField({ name }: { name: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const allowed = can('users.assignable');
  const { control } = useFormContext();
  const current = useWatch({ control, name }) as string | undefined;
  const users = useCoreQuery('users.assignable', {}, { enabled: allowed, staleTime: 60_000 });
  // Rendered once the names are in: a registered select whose option is missing would drop the saved value.
  if (!allowed || !users.data) return null;
  const options = users.data.map((u) => ({
    value: u.name,
    label: u.displayName && u.displayName !== u.name ? `${u.displayName} (${u.name})` : u.name,
  }));
  if (current && !options.some((o) => o.value === current))
    options.push({ value: current, label: t('field.assignedToOther', { name: current }) });
  return <SelectField name={name} label={t('field.assignedTo')} options={options} blank={t('field.notAssigned')} />;
}
