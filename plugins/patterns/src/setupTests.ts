import '@testing-library/jest-dom';

// jsdom does not lay out SVG; DependencyGraph measures its nodes with getBBox.
(window.SVGElement.prototype as any).getBBox = () => ({
  x: 0,
  y: 0,
  width: 120,
  height: 34,
});
