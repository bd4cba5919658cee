// Reading order for Decree-30 pages (private to the ocr stage; tested).
//
// Tesseract often reads the two-column header ("UBND HUYỆN X" on the left,
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on the right) as one line. A records
// clerk reads the left column first, then the right one; the same holds for
// the footer ("Nơi nhận:" list on the left, signature block on the right).
#pragma once

#include "core/page.h"

namespace sohoa::ocr {

// Splits lines at wide horizontal gaps and, in the header and footer zones
// where two columns stand side by side, puts the left column's lines before
// the right column's. Lines elsewhere keep their order.
PageText OrderTwoColumnZones(const PageText& page);

}  // namespace sohoa::ocr
