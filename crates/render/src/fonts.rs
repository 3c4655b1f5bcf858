//! Fonts embedded in the binary: Libertinus Serif, New Computer Modern and DejaVu Sans Mono from
//! typst-assets, plus DejaVu Sans for headings and slides. All cover the Kazakh letters
//! ә ғ қ ң ө ұ ү һ і; no template uses bold italic, whose Libertinus face lacks them.

/// Every font handed to Typst. System fonts are never read, so output does not depend on the
/// machine.
pub fn all() -> Vec<&'static [u8]> {
    let mut fonts: Vec<&'static [u8]> = typst_assets::fonts().collect();
    fonts.extend([dejavu::sans::regular(), dejavu::sans::bold(), dejavu::sans::oblique()]);
    fonts
}
