import { useId, useState } from 'react';
import type { ExampleArea, OkrExample } from '../../../../src/domain/okr-examples';
import { EXAMPLE_AREAS, examplesOf } from '../../../../src/domain/okr-examples';
import { currentLocale, t } from '../../app/i18n';
import { Button } from '../../components/button';
import { SelectField } from './fields';
import './examples-gallery.css';

const isArea = (value: string): value is ExampleArea => EXAMPLE_AREAS.some((a) => a === value);

/**
 * Example OKRs to start from (src/domain/okr-examples.ts: written by us, each passing the quality checks),
 * browsed by function, in the viewer's language. "Use this" hands the example to the form, which fills the
 * objective and the key results to create with it; the person then adapts them. Loaded on demand (a chunk
 * of its own): most objectives are written without it.
 */
export default function ExamplesGallery({ onUse }: { onUse: (example: OkrExample) => void }) {
  const id = useId();
  const [area, setArea] = useState<ExampleArea>('product-engineering');
  const locale = currentLocale();
  return (
    <section className="cad-examples" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="cad-heading-xsmall">
        {t('editor.examples.title')}
      </h3>
      <p className="cad-subtle">{t('editor.examples.intro')}</p>
      <SelectField
        id={`${id}-area`}
        label={t('editor.examples.area')}
        value={area}
        onChange={(value) => {
          if (isArea(value)) setArea(value);
        }}
      >
        {EXAMPLE_AREAS.map((a) => (
          <option key={a} value={a}>
            {t(`editor.examples.areas.${a}`)}
          </option>
        ))}
      </SelectField>
      <ul className="cad-examples__list">
        {examplesOf(area).map((example) => (
          <li key={example.id} className="cad-examples__item">
            <h4 id={`${id}-${example.id}`} className="cad-examples__objective">
              {example.objective[locale]}
            </h4>
            <ul className="cad-examples__key-results" aria-label={t('editor.examples.keyResults')}>
              {example.keyResults.map((kr) => (
                <li key={kr.title['en-US']}>{kr.title[locale]}</li>
              ))}
            </ul>
            <div>
              <Button
                aria-describedby={`${id}-${example.id}`}
                onClick={() => {
                  onUse(example);
                }}
              >
                {t('editor.examples.use')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
