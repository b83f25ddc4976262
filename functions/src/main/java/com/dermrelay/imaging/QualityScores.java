package com.dermrelay.imaging;

/**
 * The measurements behind the quality findings, taken on a grey copy about {@link
 * PhotoLimits#analysisLongSide()} pixels long, so they compare across camera resolutions.
 *
 * @param sharpness variance of the Laplacian of the grey copy (higher is sharper)
 * @param meanBrightness mean luma, 0 (black) to 255 (white)
 * @param highlightClipped share of the photo's pixels at or near pure white (0 to 1), counted on
 *     the decoded pixels one by one rather than on the grey copy
 * @param shadowClipped share of the photo's pixels at or near pure black (0 to 1), counted likewise
 * @param plainShare share of the tiles of a 8x8 grid with almost no detail (0 to 1)
 * @param edgeDetailShare share of all detail that lies in the outer band (0 to 1; the band is 36%
 *     of the area, so about 0.36 means detail spread evenly)
 */
public record QualityScores(
    double sharpness,
    double meanBrightness,
    double highlightClipped,
    double shadowClipped,
    double plainShare,
    double edgeDetailShare) {}
