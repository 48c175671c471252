import { Route, Routes } from 'react-router-dom';
import { AdoptionPage } from '../AdoptionPage/AdoptionPage';
import { GuidePage } from '../GuidePage/GuidePage';
import { GraphPage } from '../GraphPage/GraphPage';
import { PatternListPage } from '../PatternListPage/PatternListPage';
import { WizardPage } from '../WizardPage/WizardPage';
import { PatternDocumentPage } from '../PatternDocumentPage/PatternDocumentPage';

/** Everything under /patterns. */
export function PatternsRouter() {
  return (
    <Routes>
      <Route path="/" element={<PatternListPage />} />
      <Route path="/guide" element={<GuidePage />} />
      <Route path="/wizard" element={<WizardPage />} />
      <Route path="/graph" element={<GraphPage />} />
      <Route path="/adoption" element={<AdoptionPage />} />
      <Route path="/:id" element={<PatternDocumentPage />} />
    </Routes>
  );
}
