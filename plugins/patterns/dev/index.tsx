import { Content, Header, Page } from '@backstage/core-components';
import {
  attachComponentData,
  createApiFactory,
} from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import CategoryIcon from '@material-ui/icons/Category';
import ExtensionIcon from '@material-ui/icons/Extension';
import {
  EntityPatternsCard,
  EntityPatternsContent,
  PatternsPage,
  patternsApiRef,
  patternsPlugin,
} from '../src';
import { FixturePatternsApi, sampleEntity } from './fixturePatternsApi';

/** What the Patterns tab and the overview card look like on an entity page. */
const EntityPatternsDevPage = () => (
  <EntityProvider entity={sampleEntity}>
    <Page themeId="service">
      <Header
        title={sampleEntity.metadata.title}
        subtitle="Sample component: system-design/patterns: circuit-breaker, retry-with-backoff, saga"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <EntityPatternsCard />
          </Grid>
          <Grid item xs={12}>
            <EntityPatternsContent />
          </Grid>
        </Grid>
      </Content>
    </Page>
  </EntityProvider>
);

/**
 * Stands in for the catalog's entity page, which is not part of the dev app:
 * mounting `entityRouteRef` lets the "Used by" card link to entities.
 */
const CatalogEntityPlaceholder = () => (
  <Box p={3}>Entity page of the catalog plugin (not part of this dev app).</Box>
);
attachComponentData(
  CatalogEntityPlaceholder,
  'core.mountPoint',
  entityRouteRef,
);

createDevApp()
  .registerPlugin(patternsPlugin)
  .registerApi(
    createApiFactory({
      api: patternsApiRef,
      deps: {},
      factory: () => new FixturePatternsApi(),
    }),
  )
  .addPage({
    path: '/patterns',
    title: 'Patterns',
    icon: CategoryIcon,
    element: <PatternsPage />,
  })
  .addPage({
    path: '/entity-patterns',
    title: 'Entity page',
    icon: ExtensionIcon,
    element: <EntityPatternsDevPage />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <CatalogEntityPlaceholder />,
  })
  .render();
