/**
 * Parses 100k CCCD QR strings (2021, 2024 with trailing fields, empty old ID, scanner framing, NFD,
 * partial DOB) and prints {count, totalMs, perSecond, p95Micros} as JSON.
 */
import { performance } from 'node:perf_hooks'
import { parseCccdQr } from '../protocol/cccd'

const COUNT = 100_000
const variants = [
  '022093004712|100987654|Đặng Quốc Hưởng|05011993|Nam|Tổ 4, Khu 5, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|12042021',
  '022303001234||Nguyễn Thị Hoa|21032003|Nữ|Thôn 3, Xã Hạ Long, Huyện Vân Đồn, Quảng Ninh|14082021',
  '022316008841||Hoàng Ngọc Ánh Dương|30092016|Nữ|Thôn Đồng Tâm, Xã Bình Liêu, Tỉnh Quảng Ninh|20112024||||',
  '022144000317|100000317|Vi Thị Mỉm|00001944|Nữ|Thôn Tân Tiến, Xã Quảng Lâm, Huyện Đầm Hà, Quảng Ninh|02062021',
  '022203009876|022203009876|Trần Văn Ước|15072003|Nam|Số 18 ngõ 75 đường Nguyễn Văn Cừ, Phường Hồng Hải, Hạ Long|01082024|022203000001|Trần Văn Bình|Lê Thị Ỷ'.normalize(
    'NFD'
  )
]
// Vary the ID so no two inputs are the same string; every seventh scan carries a BOM and a CR/LF suffix.
const inputs = Array.from({ length: COUNT }, (_, i) => {
  const base = variants[i % variants.length]!
  const text = base.slice(0, 6) + String(i).padStart(6, '0') + base.slice(12)
  return i % 7 === 0 ? `\uFEFF${text}\r\n` : text
})

for (let i = 0; i < 5_000; i++) parseCccdQr(inputs[i]!) // warm-up

const samples = new Float64Array(COUNT)
const start = performance.now()
for (let i = 0; i < COUNT; i++) {
  const t0 = performance.now()
  parseCccdQr(inputs[i]!)
  samples[i] = performance.now() - t0
}
const totalMs = performance.now() - start
samples.sort()
const p95Micros = samples[Math.floor(COUNT * 0.95)]! * 1000

console.log(
  JSON.stringify({
    count: COUNT,
    totalMs: Math.round(totalMs),
    perSecond: Math.round((COUNT / totalMs) * 1000),
    p95Micros: Math.round(p95Micros * 10) / 10
  })
)
