import { useId, useState } from 'react';
import type { ObjectiveSearchHit } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { describeError } from '../../components/errors';
import { SelectField } from '../../components/fields';
import { formatNumber } from '../../components/format';
import { objectiveOptionLabel } from '../../components/objective-tree';
import { useDebounced } from '../../components/use-debounced';

/** Hits a picker lists at once: objectives.search's most; the search field narrows the rest. */
const LIMIT = 50;
/** Typing pause before a search: one request per pause, not per keystroke. */
const DEBOUNCE_MS = 250;

/**
 * An objective picker that searches the whole cycle as people type (objectives.search: board.get only
 * answers a first screen, so it cannot be the list). A search field narrows a plain <select> labelled
 * "Objective", so the keyboard behaviour and the label people and tests know stay as they were. The
 * chosen objective stays an option whatever is typed next.
 */
export function ObjectivePicker({
  cycleId,
  value,
  onChange,
  placeholder,
  hint,
  error,
  disabledWhy,
  autoFocus = false,
}: {
  cycleId: string;
  value: string;
  onChange: (hit: ObjectiveSearchHit) => void;
  placeholder: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Why a hit may not be chosen (shown in its option), or undefined when it may. */
  disabledWhy?: (hit: ObjectiveSearchHit) => string | undefined;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), DEBOUNCE_MS);
  const [chosen, setChosen] = useState<ObjectiveSearchHit | undefined>(undefined);
  const search = useAsync(
    async () => ({
      cycleId,
      query: settled,
      answer: await api['objectives.search']({ cycleId, limit: LIMIT, ...(settled === '' ? {} : { query: settled }) }),
    }),
    [cycleId, settled],
  );
  // An answer for another cycle (kept while the next one loads) is never listed.
  const current = search.data?.cycleId === cycleId ? search.data : undefined;
  const hits = current?.answer.objectives ?? [];
  // A value chosen before (a saved macro) may be past the first hits: objectives.get names it.
  const named = useAsync(
    (): Promise<ObjectiveSearchHit | undefined> =>
      value === '' || chosen?.id === value || hits.some((h) => h.id === value)
        ? Promise.resolve(undefined)
        : api['objectives.get']({ id: value }).then(
            (o) =>
              o.cycleId === cycleId && o.status !== 'archived'
                ? {
                    id: o.id,
                    title: o.title,
                    level: o.level,
                    ...(o.teamId === undefined ? {} : { teamId: o.teamId }),
                    status: o.status,
                    canEdit: o.canEdit,
                  }
                : undefined,
            () => undefined,
          ),
    [value, cycleId, current === undefined],
  );
  const kept = chosen?.id === value ? chosen : named.data?.id === value ? named.data : undefined;
  const options = [...(kept === undefined || hits.some((h) => h.id === kept.id) ? [] : [kept]), ...hits];
  const byId = new Map(options.map((h) => [h.id, h]));
  const matchCount = current?.answer.matchCount ?? 0;

  const status =
    search.status === 'error'
      ? t('pickers.loadError', { error: describeError(search.error) })
      : current === undefined || search.status === 'loading'
        ? t('pickers.searching')
        : matchCount === 0
          ? current.query === ''
            ? t('pickers.none')
            : t('pickers.noMatch', { query: current.query })
          : matchCount > hits.length
            ? t('pickers.showing', { shown: formatNumber(hits.length), count: matchCount })
            : current.query === ''
              ? t('pickers.all', { count: matchCount })
              : t('pickers.matching', { count: matchCount, query: current.query });

  return (
    <div className="cad-stack cad-objective-picker">
      <div className="cad-field">
        <label className="cad-field__label" htmlFor={`${id}-q`}>
          {t('pickers.search')}
        </label>
        <input
          id={`${id}-q`}
          className="cad-input"
          type="search"
          value={query}
          autoFocus={autoFocus}
          aria-describedby={`${id}-status`}
          onChange={(e) => {
            setQuery(e.target.value);
          }}
        />
        <p
          id={`${id}-status`}
          className={search.status === 'error' ? 'cad-field__error' : 'cad-field__hint'}
          role="status"
        >
          {status}
        </p>
      </div>
      <SelectField
        label={t('pickers.objective')}
        value={byId.has(value) ? value : ''}
        options={options.map((h) => {
          const why = disabledWhy?.(h);
          const label = objectiveOptionLabel(h, 0);
          return {
            value: h.id,
            label: why === undefined ? label : t('pickers.optionWhy', { label, why }),
            disabled: why !== undefined,
          };
        })}
        onChange={(picked) => {
          const hit = byId.get(picked);
          if (hit === undefined) return;
          setChosen(hit);
          onChange(hit);
        }}
        placeholder={options.length === 0 ? t('pickers.nothingToChoose') : placeholder}
        hint={hint}
        error={error}
        disabled={options.length === 0}
      />
    </div>
  );
}
