/** How a value relates to the threshold, as the reason tells it. */
export type Relation =
  | 'above'
  | 'atOrAbove'
  | 'below'
  | 'atOrBelow'
  | 'outsideBand'
  | 'insideBand'
  | 'aboveBand'
  | 'notAboveBand'
  | 'belowBand'
  | 'notBelowBand';
