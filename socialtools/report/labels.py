"""Words of the case report in Indonesian and English (dates are written by
:func:`socialtools.dates.long_date`).

>>> word("male", "id"), word("male", "en")
('Laki-laki', 'Male')
"""

from __future__ import annotations

import os

from socialtools.i18n import COMMON, Catalogue, translate

REPORT: Catalogue = {
    # captions and table kinds
    "table": {"id": "Tabel", "en": "Table"},
    "figure": {"id": "Gambar", "en": "Figure"},
    "figure_notes": {"id": "Catatan", "en": "Notes to"},
    "figure_legend": {"id": "Keterangan", "en": "Key to"},
    "figure_part": {"id": "bagian {i} dari {n}", "en": "part {i} of {n}"},
    "landscape_note": {"id": "Cetak gambar ini pada halaman lanskap, selebar {width} cm, agar teksnya tetap terbaca",
                       "en": "Print this figure on a landscape page, {width} cm wide, to keep its text readable"},
    "client_label": {"id": "Klien", "en": "Client"},
    "cap_client": {"id": "Identitas", "en": "Identity of"},
    "cap_family": {"id": "Identitas Keluarga", "en": "Family of"},
    "cap_bpss": {"id": "BPSS", "en": "BPSS Assessment of"},
    "cap_plan_case_work": {"id": "Rencana Intervensi Case Work", "en": "Case Work Intervention Plan for"},
    "cap_plan_group_work": {"id": "Rencana Intervensi Group Work", "en": "Group Work Intervention Plan for"},
    "cap_systems": {"id": "Sistem Intervensi", "en": "Intervention Systems for"},
    "cap_schedule": {"id": "Jadwal Intervensi", "en": "Intervention Schedule for"},
    "cap_process": {"id": "Proses Intervensi", "en": "Intervention Process for"},
    "cap_behaviour": {"id": "Perubahan Perilaku", "en": "Behaviour Change of"},
    "cap_genogram": {"id": "Genogram", "en": "Genogram of"},
    "cap_ecomap": {"id": "Ekomap", "en": "Ecomap of"},
    "cap_strengths": {"id": "Kuadran Kekuatan", "en": "Strengths Quadrant of"},
    "cap_ecomap_before": {"id": "Ekomap Sebelum Intervensi", "en": "Ecomap before the intervention of"},
    "cap_ecomap_after": {"id": "Ekomap Sesudah Intervensi", "en": "Ecomap after the intervention of"},
    # chapter headings
    "chapter": {"id": "BAB", "en": "CHAPTER"},
    "chapter_title": {"id": "PELAKSANAAN PRAKTIKUM", "en": "THE HELPING PROCESS"},
    "h_identity": {"id": "Identitas Klien dan Keluarga", "en": "Client and Family"},
    "h_assessment": {"id": "Asesmen", "en": "Assessment"},
    "h_bpss": {"id": "Asesmen Bio-Psiko-Sosial-Spiritual (BPSS)",
               "en": "Bio-psycho-social-spiritual (BPSS) assessment"},
    "h_genogram": {"id": "Genogram", "en": "Genogram"},
    "h_ecomap": {"id": "Ekomap", "en": "Ecomap"},
    "h_strengths": {"id": "Kuadran Kekuatan", "en": "Strengths Quadrant"},
    "h_plan": {"id": "Rencana Intervensi", "en": "Intervention Plan"},
    "h_intervention": {"id": "Pelaksanaan Intervensi", "en": "Intervention"},
    "h_evaluation": {"id": "Evaluasi", "en": "Evaluation"},
    "h_termination": {"id": "Terminasi dan Rujukan", "en": "Termination and Referral"},
    # column headings
    "no": {"id": "No", "en": "No"},
    "aspect": {"id": "Aspek", "en": "Aspect"},
    "value": {"id": "Keterangan", "en": "Details"},
    "finding": {"id": "Hasil Observasi", "en": "Finding"},
    "analysis": {"id": "Analisa", "en": "Analysis"},
    "finding_analysis": {"id": "Hasil Observasi / Analisa", "en": "Finding / Analysis"},
    "source": {"id": "Sumber", "en": "Source"},
    "date": {"id": "Tanggal", "en": "Date"},
    "domain": {"id": "Domain", "en": "Domain"},
    "name": {"id": "Nama", "en": "Name"},
    "name_initials": {"id": "Nama (Inisial)", "en": "Name (initials)"},  # the heading with --initials
    "role": {"id": "Hubungan dengan Klien", "en": "Relation to the client"},
    "sex": {"id": "Jenis Kelamin", "en": "Sex"},
    "birth": {"id": "Tempat, Tahun Lahir", "en": "Place, year of birth"},
    "birth_full": {"id": "Tempat, Tanggal Lahir", "en": "Place, date of birth"},
    "age": {"id": "Usia", "en": "Age"},
    "died": {"id": "wafat", "en": "d."},
    "at_death": {"id": "saat wafat", "en": "at death"},
    "education": {"id": "Pendidikan", "en": "Education"},
    "occupation": {"id": "Pekerjaan", "en": "Occupation"},
    "religion": {"id": "Agama", "en": "Religion"},
    "ethnicity": {"id": "Suku", "en": "Ethnicity"},
    "address": {"id": "Alamat", "en": "Address"},
    "phone": {"id": "No. Telepon", "en": "Phone"},
    "place": {"id": "Tempat Tinggal", "en": "Lives in"},
    "status": {"id": "Status", "en": "Status"},
    "residence": {"id": "Tempat Tinggal", "en": "Residence"},
    "programme": {"id": "Kegiatan / Kelas", "en": "Programme / class"},
    "admission": {"id": "Tanggal Masuk", "en": "Admitted"},
    "disability": {"id": "Disabilitas", "en": "Disability"},
    "problem": {"id": "Masalah Fokus", "en": "Focus problem"},
    "institution": {"id": "Lembaga", "en": "Institution"},
    "activity": {"id": "Kegiatan", "en": "Activity"},
    "method": {"id": "Pelaksanaan", "en": "How"},
    "techniques": {"id": "Teknik", "en": "Techniques"},
    "aims": {"id": "Tujuan", "en": "Aims"},
    "session": {"id": "Sesi", "en": "Session"},
    "day_date": {"id": "Hari, Tanggal", "en": "Day, date"},
    "time": {"id": "Waktu", "en": "Time"},
    "kind": {"id": "Metode", "en": "Method"},
    "process": {"id": "Proses", "en": "Process"},
    "result": {"id": "Hasil", "en": "Result"},
    "target": {"id": "Sasaran Perubahan", "en": "Target behaviour"},
    "before": {"id": "Sebelum Intervensi", "en": "Before"},
    "during": {"id": "Selama Intervensi", "en": "During"},
    "after": {"id": "Setelah Intervensi", "en": "After"},
    "system": {"id": "Sistem", "en": "System"},
    "members": {"id": "Pihak", "en": "Who"},
    "system_role": {"id": "Peran", "en": "Role"},
    # values
    "male": {"id": "Laki-laki", "en": "Male"},
    "female": {"id": "Perempuan", "en": "Female"},
    "unknown": {"id": "Tidak diketahui", "en": "Unknown"},
    "case_work": {"id": "Case work", "en": "Case work"},
    "group_work": {"id": "Group work", "en": "Group work"},
    "family": {"id": "Keluarga", "en": "Family"},
    "community": {"id": "Komunitas", "en": "Community"},
    "other": {"id": "Lainnya", "en": "Other"},
    "sys_client": {"id": "Sistem klien", "en": "Client system"},
    "sys_target": {"id": "Sistem sasaran", "en": "Target system"},
    "sys_action": {"id": "Sistem kegiatan (aksi)", "en": "Action system"},
    "sys_change_agent": {"id": "Sistem pelaksana perubahan", "en": "Change-agent system"},
    "years_old": {"id": "tahun", "en": "years"},
    # paragraphs
    "termination_on": {"id": "Terminasi dilakukan pada", "en": "The case was terminated on"},
    "referral_to": {"id": "Klien dirujuk kembali kepada", "en": "The client was referred back to"},
    "no_family": {"id": "(tidak ada data keluarga)", "en": "(no family data)"},
}


#: set (to anything) by the test suite: a report word with no Indonesian or no English text is then a
#: ``KeyError`` naming the key, not the key's own text printed in a student's report
STRICT_WORDS = "SOCIALTOOLS_STRICT_WORDS"


def word(key: str, lang: str) -> str:
    """A report word in ``lang``; with :data:`STRICT_WORDS` in the environment, a key without both
    languages fails loudly.

    >>> import os; os.environ[STRICT_WORDS] = "1"
    >>> word("no_such_word", "en")
    Traceback (most recent call last):
    ...
    KeyError: "report word 'no_such_word' has no text in both id and en (report/labels.py REPORT)"
    >>> del os.environ[STRICT_WORDS]; word("no_such_word", "en")
    'no such word'
    """
    if os.environ.get(STRICT_WORDS):
        entry = REPORT.get(key) or COMMON.get(key)
        if entry is None or not entry.get("id") or not entry.get("en"):
            raise KeyError(f"report word '{key}' has no text in both id and en (report/labels.py REPORT)")
    return translate(REPORT, key, lang)
