export { MermaidDiagram } from './MermaidDiagram';
