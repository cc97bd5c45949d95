import type { BandConfig, PaceThresholds } from '../../../../src/contract';
import { bandOf } from '../../../../src/domain/bands';
import { trackStatus } from '../../../../src/domain/status';
import { t } from '../../app/i18n';
import { bandWords, formatScore, trackWords } from '../../components/format';

/** Scores the preview grades: each band's edges and a point inside it. */
const SAMPLE_SCORES = [0.3, 0.5, 0.7, 0.9] as const;
/** The preview's point in the cycle: halfway, where the calendar expects half the way to the target. */
const HALFWAY = 0.5;

const round2 = (n: number): number => Math.max(0, Math.round(n * 100) / 100);

/**
 * The settings in words, worked out by the domain's own rules (bandOf, trackStatus) so what the
 * preview says is what every view will show.
 */
export function ScoringPreview({ bands, pace }: { bands: BandConfig | undefined; pace: PaceThresholds | undefined }) {
  const paceSamples =
    pace === undefined
      ? []
      : [
          ...new Set(
            [HALFWAY - pace.behindBy, HALFWAY - (pace.behindBy + pace.atRiskBy) / 2, HALFWAY - pace.atRiskBy].map(
              round2,
            ),
          ),
        ];
  return (
    <section className="cad-admin-preview" aria-labelledby="cad-scoring-preview">
      <h3 id="cad-scoring-preview" className="cad-heading-xsmall">
        {t('admin.scoring.previewTitle')}
      </h3>
      {bands === undefined ? (
        <p className="cad-text">{t('admin.scoring.previewBandsInvalid')}</p>
      ) : (
        <>
          <div className="cad-admin-bands" aria-hidden="true">
            <span className="cad-admin-bands__red" style={{ width: `${String(bands.yellowFrom * 100)}%` }} />
            <span
              className="cad-admin-bands__yellow"
              style={{ width: `${String((bands.greenFrom - bands.yellowFrom) * 100)}%` }}
            />
            <span className="cad-admin-bands__green" style={{ width: `${String((1 - bands.greenFrom) * 100)}%` }} />
          </div>
          <p className="cad-text">
            {t('admin.scoring.bandsInWords', {
              yellowFrom: formatScore(bands.yellowFrom),
              greenFrom: formatScore(bands.greenFrom),
              red: bandWords('red'),
              yellow: bandWords('yellow'),
              green: bandWords('green'),
            })}
          </p>
          <ul className="cad-text">
            {SAMPLE_SCORES.map((score) => (
              <li key={score}>
                {t('admin.scoring.scoreExample', {
                  score: formatScore(score),
                  band: bandWords(bandOf(score, bands)),
                  colour: t(`admin.scoring.colour.${bandOf(score, bands)}`),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {pace === undefined ? (
        <p className="cad-text">{t('admin.scoring.previewPaceInvalid')}</p>
      ) : (
        <>
          <p className="cad-text">
            {t('admin.scoring.paceInWords', {
              behindBy: formatScore(pace.behindBy),
              atRiskBy: formatScore(pace.atRiskBy),
              expected: formatScore(HALFWAY),
            })}
          </p>
          <ul className="cad-text">
            {paceSamples.map((progress) => (
              <li key={progress}>
                {t('admin.scoring.paceExample', {
                  progress: formatScore(progress),
                  status: trackWords(trackStatus({ progress, expected: HALFWAY, stale: false }, pace)),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
