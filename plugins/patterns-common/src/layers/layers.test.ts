import { layersToMermaid } from './layers';

describe('layersToMermaid', () => {
  it('draws layers as chained subgraphs with dotted links', () => {
    const chart = layersToMermaid(
      {
        layers: [
          { id: 'data', title: 'Data Layer', patterns: ['saga'] },
          {
            id: 'messaging',
            title: 'Messaging Layer',
            patterns: ['event-driven-architecture'],
          },
        ],
        links: [{ from: 'saga', to: 'event-driven-architecture' }],
      },
      id =>
        ({ saga: 'Saga', 'event-driven-architecture': 'Event-Driven' }[id]!),
    );
    expect(chart.split('\n')).toEqual([
      'graph LR',
      '  subgraph L_p_data["Data Layer"]',
      '    p_saga["Saga"]',
      '  end',
      '  subgraph L_p_messaging["Messaging Layer"]',
      '    p_event_driven_architecture["Event-Driven"]',
      '  end',
      '  L_p_data --> L_p_messaging',
      '  p_saga -.-> p_event_driven_architecture',
    ]);
  });
});
