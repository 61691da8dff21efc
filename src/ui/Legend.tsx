import { CATEGORIES } from '../domain/categories';
import { CATEGORY_COLORS_HEX } from '../map/palette';
import { useMessages } from './LanguageContext';

/** What the point colours mean. */
export function Legend() {
  const { language, t } = useMessages();
  return (
    <div className="legend" data-testid="legend">
      <div className="legend-title">{t.legendCategory}</div>
      <ul>
        {CATEGORIES.map((category, i) => (
          <li key={category.code}><span className="swatch" style={{ background: CATEGORY_COLORS_HEX[i] }} />{category[language]}</li>
        ))}
      </ul>
    </div>
  );
}
