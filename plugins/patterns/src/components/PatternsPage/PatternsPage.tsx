import { Route, Routes } from 'react-router-dom';
import { AdoptionPage } from '../AdoptionPage/AdoptionPage';
import { GuidePage } from '../GuidePage/GuidePage';
import { GraphPage } from '../GraphPage/GraphPage';
import { PatternCatalogPage } from '../PatternCatalogPage/PatternCatalogPage';
import { WizardPage } from '../WizardPage/WizardPage';
import { PatternPage } from '../PatternPage/PatternPage';

/** Everything under /patterns. */
export function PatternsPage() {
  return (
    <Routes>
      <Route path="/" element={<PatternCatalogPage />} />
      <Route path="/guide" element={<GuidePage />} />
      <Route path="/wizard" element={<WizardPage />} />
      <Route path="/graph" element={<GraphPage />} />
      <Route path="/adoption" element={<AdoptionPage />} />
      <Route path="/:id" element={<PatternPage />} />
    </Routes>
  );
}
