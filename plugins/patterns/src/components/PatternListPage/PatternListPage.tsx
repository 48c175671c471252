import { EmptyState, InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useSearchParams } from 'react-router-dom';
import { ScenarioTable } from '../ScenarioTable/ScenarioTable';
import { CategoryTable } from './CategoryTable';
import { filterPatterns } from './filterPatterns';
import { loadCatalog, usePatternsData } from '../../hooks/usePatternsData';
import { AsyncPatternsPage } from '../PatternsLayout/AsyncPatternsPage';

/** /patterns: every pattern, by category, with a text and a category filter. */
export function PatternListPage() {
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const category = params.get('category') ?? '';

  const state = usePatternsData(loadCatalog);

  const setFilter = (key: 'q' | 'category', next: string) => {
    const updated = new URLSearchParams(params);
    if (next) updated.set(key, next);
    else updated.delete(key);
    setParams(updated, { replace: true });
  };

  const render = (value: NonNullable<typeof state.value>) => {
    const [patterns, categories, scenarios] = value;
    const matching = filterPatterns(patterns, { text, category });
    const shown = categories
      .map(c => ({
        category: c,
        patterns: c.patterns.flatMap(id => matching.filter(p => p.id === id)),
      }))
      .filter(group => group.patterns.length > 0);
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Grid container spacing={2} alignItems="center">
            <Grid item xs={12} sm={6} md={5}>
              <TextField
                id="patterns-filter"
                fullWidth
                variant="outlined"
                size="small"
                label="Filter patterns"
                placeholder="e.g. retry, consistency, mobile"
                value={text}
                onChange={e => setFilter('q', e.target.value)}
              />
            </Grid>
            <Grid item xs={12} sm={6} md={4}>
              <TextField
                id="patterns-category"
                select
                fullWidth
                variant="outlined"
                size="small"
                label="Category"
                value={category}
                onChange={e => setFilter('category', e.target.value)}
              >
                <MenuItem value="">All categories</MenuItem>
                {categories.map(c => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.title}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
          </Grid>
        </Grid>
        {shown.length === 0 ? (
          <Grid item xs={12}>
            <EmptyState
              missing="data"
              title="No patterns match this filter"
              description={`Nothing matches “${text}”${
                category ? ' in this category' : ''
              }. Try fewer words, another category, or clear the filter.`}
              action={
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() =>
                    setParams(new URLSearchParams(), { replace: true })
                  }
                >
                  Clear filters
                </Button>
              }
            />
          </Grid>
        ) : (
          shown.map(group => (
            <Grid item xs={12} key={group.category.id}>
              <CategoryTable
                category={group.category}
                patterns={group.patterns}
              />
            </Grid>
          ))
        )}
        <Grid item xs={12}>
          <InfoCard
            title="Quick Reference"
            subheader="Common scenarios and the patterns to start from"
          >
            <ScenarioTable scenarios={scenarios} patterns={patterns} />
          </InfoCard>
        </Grid>
      </Grid>
    );
  };

  return (
    <AsyncPatternsPage
      title="Architecture Patterns"
      subtitle="Distributed-system API patterns: when to use them, when not, and how"
      state={state}
    >
      {render}
    </AsyncPatternsPage>
  );
}
