import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { PatternDocument } from '@system-design/backstage-plugin-patterns-common';
import { PatternBlocks } from '../PatternBlocks/PatternBlocks';

/** The document's sections, in order, each an anchored card. */
export function PatternSections(props: { pattern: PatternDocument }) {
  const { pattern } = props;
  return (
    <>
      {pattern.sections.map(section => (
        <Box key={section.id} mb={3} component="section" id={section.id}>
          <InfoCard
            title={section.title}
            titleTypographyProps={{ component: 'h2' }}
          >
            <PatternBlocks
              blocks={section.blocks}
              label={`${pattern.title}: ${section.title}`}
            />
          </InfoCard>
        </Box>
      ))}
    </>
  );
}
