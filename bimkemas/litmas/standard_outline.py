"""The standard litmas outline (DOMAIN.md §5), version 1, as shipped by migration 0002.

Frozen: a later outline is a new `LitmasOutline` row (the admin, or a data migration that
adds version 2), never an edit here. Headings and guidance are Indonesian: they print in the
document and guide the PK in their own terms.
"""

INTEGRATION = ["integrasi", "asimilasi", "cuti_mengunjungi_keluarga"]
JUVENILE = ["diversi", "sidang_anak", "anak_di_bawah_12", "saksi_korban"]


def _s(code, heading, guidance, kind="text", required=True, types=None):
    return {
        "code": code,
        "heading": heading,
        "guidance": guidance,
        "kind": kind,
        "required": required,
        "types": types or [],
    }


_SECTIONS = [
    _s(
        "pendahuluan",
        "Pendahuluan",
        "Surat permintaan (nomor, tanggal, instansi), tujuan litmas, metode (wawancara, "
        "observasi, kunjungan rumah, panggilan video) dan sumber data.",
    ),
    _s(
        "identitas_klien",
        "Identitas Klien",
        "Nama, alias, tempat/tanggal lahir, jenis kelamin, agama, alamat, NIK.",
        kind="facts",
    ),
    _s(
        "identitas_orang_tua",
        "Identitas Orang Tua",
        "Nama, umur, pekerjaan dan alamat ayah dan ibu.",
        kind="facts",
        required=False,
    ),
    _s(
        "identitas_pasangan",
        "Identitas Suami/Istri",
        "Nama, umur, pekerjaan dan alamat suami/istri, bila ada.",
        kind="facts",
        required=False,
    ),
    _s(
        "identitas_penjamin",
        "Identitas Penjamin",
        "Nama, hubungan dengan klien, alamat dan telepon penjamin.",
        kind="facts",
    ),
    _s(
        "identitas_wali",
        "Identitas Wali",
        "Wali klien (terutama klien anak), bila ada.",
        kind="facts",
        required=False,
    ),
    _s(
        "susunan_keluarga",
        "Susunan Keluarga",
        "Satu baris per anggota keluarga: nama | hubungan | umur | pendidikan | pekerjaan.",
        kind="table",
        required=False,
    ),
    _s(
        "riwayat_hidup",
        "Riwayat Hidup Klien",
        "Pendidikan, pekerjaan, kebiasaan, riwayat pelanggaran hukum sebelumnya, penggunaan "
        "narkotika/alkohol, riwayat perkawinan.",
    ),
    _s(
        "kondisi_penjamin",
        "Kondisi Penjamin/Orang Tua",
        "Keadaan sosial ekonomi penjamin atau orang tua, termasuk kondisi rumah tinggal.",
    ),
    _s(
        "lingkungan",
        "Keadaan Lingkungan Sosial dan Budaya",
        "Lingkungan tempat tinggal, sikap masyarakat, kegiatan sosial dan keagamaan.",
    ),
    _s(
        "tindak_pidana",
        "Tindak Pidana",
        "Latar belakang, kronologi, korban dan akibat tindak pidana; pasal dan putusan.",
    ),
    _s(
        "tanggapan",
        "Tanggapan",
        "Tanggapan klien, keluarga, korban, masyarakat dan pemerintah setempat (lurah/kepala "
        "desa, RT/RW, Bhabinkamtibmas).",
    ),
    _s(
        "evaluasi_pembinaan",
        "Evaluasi Pembinaan di Lapas/Rutan",
        "Kelakuan, program pembinaan yang diikuti, register F, remisi.",
        types=INTEGRATION,
    ),
    _s(
        "hasil_asesmen",
        "Hasil Asesmen Risiko dan Kebutuhan",
        "Hasil RRI dan kebutuhan kriminogenik terakhir.",
        required=False,
    ),
    _s(
        "diversi",
        "Upaya Diversi",
        "Kesediaan para pihak, syarat diversi, pertimbangan (klien anak).",
        types=JUVENILE,
    ),
    _s(
        "analisa",
        "Analisa",
        "Analisa faktor risiko dan pendukung berdasarkan data di atas.",
    ),
    _s("kesimpulan", "Kesimpulan", "Ringkasan temuan."),
    _s(
        "rekomendasi",
        "Rekomendasi",
        "Rekomendasi PK; sebutkan sidang TPP yang membahasnya (nomor dan tanggal).",
    ),
]

SECTIONS = [{**section, "order": (i + 1) * 10} for i, section in enumerate(_SECTIONS)]
