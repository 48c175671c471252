import { Route, Routes } from 'react-router-dom';
import { PatternCatalogPage } from '../PatternCatalogPage/PatternCatalogPage';
import { PatternPage } from '../PatternPage/PatternPage';

/** Everything under /patterns. */
export function PatternsPage() {
  return (
    <Routes>
      <Route path="/" element={<PatternCatalogPage />} />
      <Route path="/:id" element={<PatternPage />} />
    </Routes>
  );
}
