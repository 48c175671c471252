import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import patternsPlugin from '@system-design/backstage-plugin-patterns/alpha';
import { navModule } from './modules/nav';
import { scorecardModule } from './modules/scorecard';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    orgPlugin,
    searchPlugin,
    patternsPlugin,
    navModule,
    scorecardModule,
    signInModule,
  ],
});
