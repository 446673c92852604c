/**
 * The visual language of the board. The constants live in shared/render/theme.ts, so the
 * server's SVG, PNG and PDF exports draw with the same colours as the canvas.
 */
export * from '../../shared/render/theme';
