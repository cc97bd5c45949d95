import { t } from '../../app/i18n';
import { formatNumber } from '../../components/format';
import './forecast-filter.css';

/**
 * The board summary's "2 forecasts disagree" toggle, beside the status counts it sits with (board.get's
 * forecastMisses: published objectives with a KR whose forecast contradicts its owner's confidence).
 * Pressed, the board keeps those objectives (filters.ts, domain/board-filter.ts disagreesWithForecast);
 * absent when there are none and it is not pressed.
 */
export function ForecastFilterButton({
  count,
  pressed,
  onToggle,
}: {
  count: number;
  pressed: boolean;
  onToggle: () => void;
}) {
  if (count === 0 && !pressed) return null;
  return (
    <button
      type="button"
      className="cad-status-summary__item cad-status-summary__item--forecast"
      aria-pressed={pressed}
      title={t('forecast.filter.hint')}
      data-forecast-filter=""
      onClick={onToggle}
    >
      <span className="cad-forecast-filter__mark" aria-hidden="true">
        !
      </span>
      <span className="cad-status-summary__count">{formatNumber(count)}</span> {t('forecast.filter.words', { count })}
    </button>
  );
}
