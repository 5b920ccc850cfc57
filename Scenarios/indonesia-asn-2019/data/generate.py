#!/usr/bin/env python3
"""Generate the population and salary data of the flagship scenario indonesia-asn-2019.

Run from anywhere (python3 >= 3.8, numpy); the files are written next to this script:

    salary-scales.csv  actives.csv  pensioners.csv  disabled.csv  survivors.csv  entrants.csv

The output is deterministic (no random numbers): running the script again rewrites the files
byte-identically. The checks printed at the end are the ones quoted in README.md.

Provenance: [S..] keys are the sources of the project's fact sheet (docs/sources.md,
shared/data/indonesia-asn-facts.md section 11); [D] = derived from [S] numbers; [U] = unverified
recollection of the fact sheet's author, treated as an assumption; "assumption" = a modelling
choice, with its reasoning next to it. README.md explains every step with the arithmetic.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MORTALITY_CSV = os.path.join(HERE, "..", "..", "mortality", "tmi-iv-2019.csv")  # TMI IV [S55]

# =============================================================================================
# 1. Constants
# =============================================================================================

Y0 = 2019                                  # model start year (baseline.yaml)
TRACKS = ["administrative", "teacher", "senior", "lecturer"]
BUP = {"administrative": 58,               # administrative, ahli pertama/muda, skilled [S37]
       "teacher": 60,                      # guru, UU 14/2005 Pasal 30(4) [S38]
       "senior": 60,                       # JPT and functional ahli madya [S37]
       "lecturer": 65}                     # dosen UU 14/2005 Pasal 67(4), ahli utama [S37, S38]
MAX_SERVICE = 45                           # rows of salary-scales.csv (brief)

# --- Actives: totals --------------------------------------------------------------------
TOTAL_ACTIVES = 4_286_918                  # PNS at 30 Jun 2019, BKN [S31]: the start-2019 stock (mid-year count to its year)
MEN_ACTIVES = 2_088_158                    # men: 48.71% (women 51.29%) [S31]; 4,286,918 x 0.4871 = 2,088,157.8 [D]

# --- PP 15/2019 basic-salary table (gaji pokok, Rp/month, from 1 Jan 2019) [S6, S7] --------
# grade: (lowest cell, highest cell, first MKG, last MKG). The MKG (masa kerja golongan) spans are
# [U] in the fact sheet but are confirmed by the ratios: every grade then grows by exactly
# 1.015626 a year of MKG (e.g. IIIa 4,236,400/2,579,400 = 1.64240 = 1.015626^32; IIb
# 3,516,300/2,208,400 = 1.59224 = 1.015626^30, so IIb-IId run from MKG 3 to 33) [D].
PP15_2019 = {
    "IIa": (2_022_200, 3_373_600, 0, 33), "IIb": (2_208_400, 3_516_300, 3, 33),
    "IIc": (2_301_800, 3_665_000, 3, 33), "IId": (2_399_200, 3_820_000, 3, 33),
    "IIIa": (2_579_400, 4_236_400, 0, 32), "IIIb": (2_688_500, 4_415_600, 0, 32),
    "IIIc": (2_802_300, 4_602_400, 0, 32), "IIId": (2_920_800, 4_797_000, 0, 32),
    "IVa": (3_044_300, 5_000_000, 0, 32), "IVb": (3_173_100, 5_211_500, 0, 32),
    "IVc": (3_307_300, 5_431_900, 0, 32), "IVd": (3_447_200, 5_661_700, 0, 32),
    "IVe": (3_593_100, 5_901_200, 0, 32),
}
LOWEST_SALARY = 1_560_800                  # Ia at MKG 0 = the DB floor (UU 11/1969 Pasal 11(1)c) [S1, S7]
MKG_CUT_II_TO_III = 5                      # [U] MKG is reduced by 5 years on promotion from golongan II to III

# --- Career paths: (service from which the grade holds, grade, MKG = service - offset) -------
# Promotions (kenaikan pangkat reguler) every 4 years, one ruang step each [fact sheet section 4,
# "about every 4 years"]; ceilings of regular promotion by education [U, PP 99/2000 as recalled]:
# SMA -> IIIb, D3 -> IIIc, S1 -> IIId. Entry grades [U]: SMA IIa, D3 IIc, S1 IIIa, S2 IIIb.
PATHS = {
    "administrative": [  # assumption: blend 40% SMA / 20% D3 / 40% S1 (see EDUCATION note in README)
        (0.40, [(0, "IIa", 0), (4, "IIb", 0), (8, "IIc", 0), (12, "IId", 0),
                (16, "IIIa", MKG_CUT_II_TO_III), (20, "IIIb", MKG_CUT_II_TO_III)]),
        (0.20, [(0, "IIc", 0), (4, "IId", 0), (8, "IIIa", MKG_CUT_II_TO_III),
                (12, "IIIb", MKG_CUT_II_TO_III), (16, "IIIc", MKG_CUT_II_TO_III)]),
        (0.40, [(0, "IIIa", 0), (4, "IIIb", 0), (8, "IIIc", 0), (12, "IIId", 0)]),
    ],
    "teacher": [  # S1 at IIIa; functional promotions every 4 years to IVa, where most teachers stop [U]
        (1.00, [(0, "IIIa", 0), (4, "IIIb", 0), (8, "IIIc", 0), (12, "IIId", 0), (16, "IVa", 0)]),
    ],
    "senior": [  # assumption: half S1 (IIIa), half S2 (IIIb); promotions every 3 years (KP pilihan /
                 # credit points) up to IVd (madya functional IVc, JPT madya IVd-IVe)
        (0.50, [(0, "IIIa", 0), (3, "IIIb", 0), (6, "IIIc", 0), (9, "IIId", 0), (12, "IVa", 0),
                (15, "IVb", 0), (18, "IVc", 0), (21, "IVd", 0)]),
        (0.50, [(0, "IIIb", 0), (3, "IIIc", 0), (6, "IIId", 0), (9, "IVa", 0), (12, "IVb", 0),
                (15, "IVc", 0), (18, "IVd", 0)]),
    ],
    "lecturer": [  # S2 at IIIb (asisten ahli); lektor IIIc-IIId, lektor kepala IVa-IVc, up to IVd [U]
        (1.00, [(0, "IIIb", 0), (4, "IIIc", 0), (8, "IIId", 0), (12, "IVa", 0), (16, "IVb", 0),
                (20, "IVc", 0), (24, "IVd", 0)]),
    ],
}

# --- Actives: age structure -------------------------------------------------------------
# Cohort density g(x): PNS per single age x at the start of 2019 *before* retirement at BUP (the
# people of that age in every track), in thousands, linear between anchors, then multiplied by one
# factor (printed, 0.987) so that the total is TOTAL_ACTIVES. Derivation (README, "actives"):
# 2014 ages 46-50 = 952,637 (190.5k/age) [S32], less ~5% deaths and exits, give 2019 ages 51-55
# ~180k; 2014 ages 51-55 = 768,261 (154k/age) [S32] give 2019 ages 56-60 ~150k; 2023 ages 41-50 =
# 1,239,180 [S40] gives 2019 ages 37-46 ~125k; 2023 ages 51-60 = 1,286,697 [S40] (= 2019 ages 47-53
# in every track plus 54-56 in the BUP-60/65 tracks) gives 2019 ages 47-50 ~160-170k; the young
# ages take the rest of the total [S30], thin after the 2011-2013 moratorium [S35].
AGE_ANCHORS = {19: 3, 20: 6, 21: 10, 22: 16, 23: 23, 24: 30, 25: 37, 26: 44, 27: 50, 30: 66,
               33: 84, 36: 104, 37: 122, 44: 128, 47: 158, 50: 172, 51: 180, 55: 182, 56: 168,
               57: 160, 58: 152, 59: 146, 60: 140, 64: 115}
MIN_AGE, MAX_AGE = 19, 64

# Track shares of each age's cohort (assumption, README): teachers about 1/3 of PNS [U], older
# than average (the SD Inpres and 1980s-90s teacher intakes): 29% up to age 35, rising linearly to
# 36% at 50 and over (34.4% overall); senior (JPT + ahli madya, and those who will reach it) 4%; lecturers and ahli
# utama 2% (about 80k PNS dosen [U] plus a few thousand ahli utama); administrative the rest.
TEACHER_SHARE_YOUNG, TEACHER_SHARE_OLD = 0.29, 0.36
TEACHER_SHARE_AGES = (35, 50)
SENIOR_SHARE = 0.04
LECTURER_SHARE = 0.02

# Entry-age distributions by track (assumption: CPNS entry ages 18-35 [S40]; most 22-28; SMA
# entrants young, S2 lecturers older; a tail at 32-35 for honorer appointed late). Representative
# ages keep the file small (a few thousand rows).
ENTRY_AGES = {
    "administrative": {19: 0.10, 21: 0.12, 23: 0.16, 25: 0.20, 27: 0.17, 29: 0.11, 32: 0.09, 35: 0.05},
    "teacher": {22: 0.10, 23: 0.15, 24: 0.18, 25: 0.17, 27: 0.16, 29: 0.11, 32: 0.08, 35: 0.05},
    "senior": {23: 0.15, 25: 0.25, 27: 0.25, 29: 0.18, 32: 0.12, 35: 0.05},
    "lecturer": {25: 0.10, 27: 0.20, 29: 0.25, 31: 0.20, 33: 0.15, 35: 0.10},
}
# Recruitment intensity by year of appointment (= 2019 - service n; a formation is appointed the
# year after its test): general recruitment was frozen in 2011-2013 and reopened in 2014-15 and
# 2018 [S35], so appointments were thin in 2012-2014 and 2017-2018 (0.3, not 0: teachers, health,
# honorer and official schools went on - assumption); the 2018 formation (about 238k posts [U]) was
# appointed in 2019 and is in the Dec-2019 count (2.0, assumption). Other years 1.
RECRUITMENT_INTENSITY = {2012: 0.3, 2013: 0.3, 2014: 0.3, 2017: 0.3, 2018: 0.3, 2019: 2.0}

# Male share by track at age 40, and its slope by age (assumption: teachers mostly women, senior
# posts mostly men; older cohorts more male - 50/50 in 2017 [S41], 48.49% men in 2019 [S30],
# women 53.6% in 2023 [S40]). A common shift (solved) makes the men sum to MEN_ACTIVES exactly.
MALE_SHARE_AT_40 = {"administrative": 0.56, "teacher": 0.36, "senior": 0.68, "lecturer": 0.56}
MALE_SHARE_SLOPE = 0.004                   # per year of age

# --- Decrements proposed in decrements.md (used here for the checks and the reconstruction) ---
WITHDRAWAL = {0: 0.005, 5: 0.002, 20: 0.001}   # by completed service n (assumption)
EARLY_AGE, EARLY_SERVICE = 45, 20              # APS "45:20" on x+1 and n+1 [S39]
EARLY_RATES = {0: 0.0, 44: 0.005, 49: 0.010}   # by age x at the start of the year (assumption)
DISABILITY_FACTOR = 0.10                       # 10% of TMI IV q (PSAK-219 practice) [fact sheet 7]
# Probability of leaving an eligible spouse, by sex and age of the member (steps; assumption).
SPOUSE_PROBABILITY = {"male": {0: 0.10, 25: 0.40, 30: 0.75, 35: 0.90, 70: 0.80, 80: 0.70, 90: 0.50},
                      "female": {0: 0.30, 25: 0.55, 30: 0.65, 60: 0.55, 70: 0.40, 80: 0.25, 90: 0.12}}
SPOUSE_AGE_GAP = {"male": -4, "female": 4}      # spouse's age minus member's (assumption)

# --- DB rules (UU 11/1969) --------------------------------------------------------------
ACCRUAL, CAP = 0.025, 0.75                  # Pasal 11(1) [S1]
SURVIVOR_RETIREE, SURVIVOR_RETIREE_FLOOR = 0.36, 0.75   # janda/duda 36%, floor 75% of lowest [S2]
SURVIVOR_DUTY, SURVIVOR_DUTY_FLOOR = 0.72, 1.00         # died in service "tewas" [S2]
DUTY_SHARE = 0.05                           # share of deaths in service caused by duty (assumption)
MONTHS_PAID = 14                            # 12 + 13th + THR [S5]

# --- Allowances paid with the pension (tunjangan keluarga and pangan) [S1 Pasal 8, S4, S5] ----
SPOUSE_ALLOWANCE = 0.10                     # [U] tunjangan istri/suami 10% of pensiun pokok
CHILD_ALLOWANCE = 0.02                      # [U] 2% per child (max 2, under 25)
RICE_ALLOWANCE = 72_420                     # [U] tunjangan pangan Rp72,420 per person (10 kg beras)
CHILDREN_PER_RETIREE = 0.20                 # assumption: few children under 25 left at 58+
CHILDREN_PER_SURVIVOR = 0.10                # assumption
# True: `pension` and `survivor_pension` are the amounts paid (pokok + allowances), so that the 2019
# spending matches the budget (the brief's choice). False: pensiun pokok only (the engine's award
# formula has no allowances; README, "consistency").
INCLUDE_ALLOWANCES = True

# --- Reconstruction of the beneficiaries (pensioners, disabled, survivors) ----------------
FIRST_YEAR = 1950                           # first year of retirements reconstructed
# Normal and early retirements per year (linear between anchors). Up to 2014 the shape is an
# assumption - growing with the PNS headcount of about 30 years earlier (1.5m around 1970 [U], 3.6m
# in 2006 [S44]) up to the ~125k/yr of the years before 2014 and ~100k in 2014 [S32] - and its level
# is scaled by FLOW_SCALE (solved, printed) so that the stock at the start of 2019 is
# TARGET_RECIPIENTS_2019. From 2015 the flows are not scaled: 52,572 new retirees in 2015 (Taspen)
# [S33] (the BUP 56 -> 58 shift of UU 5/2014 held back the administrative retirements of 2014-2015
# [S32]), then a rise to the ~167k that the 2019 actives imply for 2019 (assumption: 110k, 130k,
# 150k in 2016-2018).
RETIREMENT_ANCHORS = {1950: 5_000, 1970: 20_000, 1990: 50_000, 2000: 80_000, 2005: 105_000,
                      2008: 125_000, 2013: 125_000, 2014: 100_000,
                      2015: 52_572, 2016: 110_000, 2017: 130_000, 2018: 150_000}
LAST_SCALED_YEAR = 2014
# Age at the start of the first year in payment (= BUP for retirement at BUP), by era (assumption
# from the BUPs: 56 in general before 2014 (PP 32/1979), 58 after (UU 5/2014); 60 for teachers
# and senior posts; 65 for ahli utama and dosen [S37, S38]; early retirements (APS) at 51-55, 6% of
# the flows before 2014 and 10% after, as the early rates below give in 2019-2021). In
# 2014-2015 the administrative staff who turned 56 were held back to 58 [S32], so the retirees
# of those two years are mostly teachers at 60 and the last BUP-56 cases.
RETIREMENT_AGES = {
    "before 2014": {51: 0.02, 53: 0.02, 55: 0.02, 56: 0.55, 60: 0.37, 65: 0.02},
    "2014-2015": {51: 0.03, 53: 0.03, 55: 0.04, 56: 0.20, 60: 0.66, 65: 0.04},
    "from 2016": {51: 0.03, 53: 0.03, 55: 0.04, 58: 0.50, 60: 0.38, 65: 0.02},
}
MALE_SHARE_RETIREMENTS = {1950: 0.80, 1990: 0.70, 2018: 0.56}   # assumption (older PNS mostly men)
# Mortality of past beneficiaries: TMI IV x 1.3 (assumption: TMI IV is a 2019 insured-lives table;
# the population table [S56] is 1.3-1.7 times TMI IV at ages 40-60; past decades had higher mortality).
HIST_MORTALITY_FACTOR = 1.3
# PNS headcount for in-service deaths and disablements in past years (assumption/[S]):
HEADCOUNT_ANCHORS = {1950: 0.8e6, 1970: 1.5e6, 1985: 2.8e6, 2000: 3.9e6, 2006: 3.6e6,
                     2008: 4.0e6, 2014: 4.47e6, 2018: 4.3e6}       # 2006 [S44], 2014 [S32], rest [U]
# Level of past cohorts' pensions relative to the 2019 retirements. The pension table is reset
# with the salary table (PP 18/2019 for 2019), so every cohort is paid at 2019 levels, but older
# cohorts retired at lower grades (less education, golongan I-II, BUP 56): -1.2% a year of
# retirement before 2018, so a 1990 retiree gets 0.988^28 = 71% of a 2018 retiree's pension.
# Calibrated (the one free parameter of the pension amounts): it brings the 2019 spending
# sum(count x pension x 14) to the Rp105T target (README).
COHORT_DECLINE = 0.012
# Calibration target: pension recipients (retired, disabled, survivors) at the start of 2019.
# Taspen counted 2,453,870 at end-2014 and forecast 2,506,442 for end-2015 [S33]: +52,572, exactly
# its expected new retirees of 2015. Assumption: the stock kept growing by about that much a year to
# end-2018: 2,453,870 + 4 x 52,572 = 2,664,158 [D], inside the brief's 2.5-2.7m and consistent with
# Menpan's ~3.1m PNS + TNI + Polri pensioners of Jan 2021 [S21] if Asabri has ~0.45m [U]. The
# reconstructed end-2014 stock is then a check against the 2,453,870.
TASPEN_RECIPIENTS_END_2014 = 2_453_870
TASPEN_INCREASE_2015 = 52_572
TARGET_RECIPIENTS_2019 = TASPEN_RECIPIENTS_END_2014 + 4 * TASPEN_INCREASE_2015
TARGET_SPENDING_2019 = 0.88 * 119.48e12     # Rp105.1T: LKPP 2019 [S15] x Taspen share 110.9/126.5 [S18]

# --- Entrants -----------------------------------------------------------------------------
ENTRANT_SHARE_UNITS = 1_000_000             # shares written with 6 decimals, summing exactly to 1


# =============================================================================================
# 2. Helpers
# =============================================================================================

def interp(anchors, x):
    """Linear interpolation between sorted anchors {x: value}, flat outside."""
    keys = sorted(anchors)
    if x <= keys[0]:
        return float(anchors[keys[0]])
    if x >= keys[-1]:
        return float(anchors[keys[-1]])
    for a, b in zip(keys, keys[1:]):
        if a <= x <= b:
            return anchors[a] + (anchors[b] - anchors[a]) * (x - a) / (b - a)
    raise AssertionError


def step(steps, x):
    """A step function {x0: v0, x1: v1, ...}: the value of the largest key <= x."""
    value = steps[min(steps)]
    for k in sorted(steps):
        if x >= k:
            value = steps[k]
    return value


def largest_remainder(values, total):
    """Integers proportional to `values` (>= 0) summing exactly to `total`."""
    values = np.asarray(values, dtype=float)
    scaled = values * (total / values.sum())
    base = np.floor(scaled).astype(np.int64)
    short = int(total - base.sum())
    order = sorted(range(len(values)), key=lambda i: (-(scaled[i] - base[i]), i))
    for i in order[:short]:
        base[i] += 1
    return [int(v) for v in base]


def read_mortality():
    q = {"male": [], "female": []}
    with open(MORTALITY_CSV, encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    assert lines[0] == "age,qx_male,qx_female"
    for i, line in enumerate(lines[1:]):
        age, m, w = line.split(",")
        assert int(age) == i
        q["male"].append(float(m))
        q["female"].append(float(w))
    q["male"][-1] = q["female"][-1] = 1.0
    return {s: np.array(v) for s, v in q.items()}


Q = read_mortality()
OMEGA = len(Q["male"]) - 1                  # 111
SEXES = ["male", "female"]
OTHER = {"male": "female", "female": "male"}


def q(sex, age):
    return Q[sex][min(age, OMEGA)]


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")


# =============================================================================================
# 3. Salary scales
# =============================================================================================

def gaji(grade, mkg):
    """PP 15/2019 gaji pokok of `grade` at MKG `mkg`: lowest cell x r^(MKG - first), r from the
    grade's own range; below its first MKG a grade pays its lowest cell, above its last its top."""
    lo, hi, first, last = PP15_2019[grade]
    r = (hi / lo) ** (1.0 / (last - first))
    m = min(max(mkg, first), last)
    return lo * r ** (m - first)


def path_grade(path, n):
    current = path[0]
    for st in path:
        if n >= st[0]:
            current = st
    return current


def path_salary(path, n):
    _, grade, offset = path_grade(path, n)
    return gaji(grade, n - offset)


SCALES = {}
for track in TRACKS:
    col = []
    for n in range(MAX_SERVICE + 1):
        col.append(sum(w * path_salary(p, n) for w, p in PATHS[track]))
    SCALES[track] = [int(round(v)) for v in col]


PAY_LEVEL_SERVICE = 34   # n = 0..33: a career from entry at about 24 to BUP 58 (administrative)


def pay_levels(track, years=PAY_LEVEL_SERVICE):
    """The pay levels of a blended track (baseline.yaml tracks[].pay_levels, model 2.4): one per
    education path of the blend, its share the blend's weight (assumption, section 2) and its
    multiplier the mean over n = 0..years-1 of the path's salary over the blend's. The multipliers
    average 1 under the shares at every n, so their share-weighted mean is 1."""
    levels = []
    for w, p in PATHS[track]:
        ratio = sum(path_salary(p, n) / sum(v * path_salary(q, n) for v, q in PATHS[track])
                    for n in range(years)) / years
        levels.append((p[0][1], w, ratio))
    return levels


def scale(track, n):
    return SCALES[track][min(n, MAX_SERVICE)]


def golongan_mix(track, n):
    """Shares of golongan II, III, IV of a track at service n (for the golongan check)."""
    mix = {"II": 0.0, "III": 0.0, "IV": 0.0}
    for w, p in PATHS[track]:
        grade = path_grade(p, n)[1]
        mix["IV" if grade.startswith("IV") else "III" if grade.startswith("III") else "II"] += w
    return mix


# =============================================================================================
# 4. Actives
# =============================================================================================

def teacher_share(x):
    a, b = TEACHER_SHARE_AGES
    return interp({a: TEACHER_SHARE_YOUNG, b: TEACHER_SHARE_OLD}, x)


def track_shares(x):
    t = teacher_share(x)
    return {"administrative": 1 - t - SENIOR_SHARE - LECTURER_SHARE, "teacher": t,
            "senior": SENIOR_SHARE, "lecturer": LECTURER_SHARE}


def entry_distribution(track, x):
    """P(entry age e | track, age x) over valid e (service n = x - e in 0..45)."""
    out = {}
    for e, w in ENTRY_AGES[track].items():
        n = x - e
        if 0 <= n <= MAX_SERVICE:
            out[e] = w * RECRUITMENT_INTENSITY.get(Y0 - n, 1.0)
    tot = sum(out.values())
    return {e: w / tot for e, w in out.items()} if tot > 0 else {}


def build_actives():
    # Real (unrounded) counts by (track, age, service), before the sex split.
    raw = {}
    for x in range(MIN_AGE, MAX_AGE + 1):
        g = interp(AGE_ANCHORS, x) * 1000.0
        shares = track_shares(x)
        # A track with nobody old enough to have entered hands its share to administrative.
        for track in TRACKS[1:]:
            if not entry_distribution(track, x):
                shares["administrative"] += shares[track]
                shares[track] = 0.0
        for track in TRACKS:
            if x > BUP[track] - 1 or shares[track] == 0:
                continue
            for e, p in entry_distribution(track, x).items():
                raw[(track, x, x - e)] = raw.get((track, x, x - e), 0.0) + g * shares[track] * p
    scale_total = TOTAL_ACTIVES / sum(raw.values())
    raw = {k: v * scale_total for k, v in raw.items()}

    def men_at(shift):
        return sum(v * min(1.0, max(0.0, MALE_SHARE_AT_40[k[0]] + MALE_SHARE_SLOPE * (k[1] - 40) + shift))
                   for k, v in raw.items())

    lo, hi = -0.5, 0.5
    for _ in range(200):
        mid = (lo + hi) / 2
        if men_at(mid) < MEN_ACTIVES:
            lo = mid
        else:
            hi = mid
    shift = (lo + hi) / 2
    keys = sorted(raw, key=lambda k: (TRACKS.index(k[0]), k[1], k[2]))
    cells = {}
    for sex in SEXES:
        vals = []
        for k in keys:
            m = min(1.0, max(0.0, MALE_SHARE_AT_40[k[0]] + MALE_SHARE_SLOPE * (k[1] - 40) + shift))
            vals.append(raw[k] * (m if sex == "male" else 1 - m))
        ints = largest_remainder(vals, MEN_ACTIVES if sex == "male" else TOTAL_ACTIVES - MEN_ACTIVES)
        for k, c in zip(keys, ints):
            if c > 0:
                cells[(sex,) + k] = c
    return cells, shift, scale_total


ACTIVES, MALE_SHIFT, AGE_SCALE = build_actives()


def male_share(track, x):
    return min(1.0, max(0.0, MALE_SHARE_AT_40[track] + MALE_SHARE_SLOPE * (x - 40) + MALE_SHIFT))


# =============================================================================================
# 5. Deterministic projection of the actives (checks: retirements 2019-2021, 2023 age bands)
# =============================================================================================

def project_actives(cells, years):
    """Decrements of MODEL section 4 (death, disability, withdrawal, retirement) without
    entrants. Returns the stock after `years` years and per-year event tallies."""
    stock = {k: float(v) for k, v in cells.items()}
    events = []
    for _ in range(years):
        ev = {"normal": {t: 0.0 for t in TRACKS}, "early": {t: 0.0 for t in TRACKS},
              "deaths": [], "disabled": [], "retire_awards": [], "withdrawals": 0.0}
        nxt = {}
        for (sex, track, x, n), N in stock.items():
            qd = q(sex, x)
            qi = DISABILITY_FACTOR * q(sex, x)
            w = step(WITHDRAWAL, n)
            if x + 1 >= BUP[track]:
                r, kind = 1.0, "normal"
            elif x + 1 >= EARLY_AGE and n + 1 >= EARLY_SERVICE:
                r, kind = step(EARLY_RATES, x), "early"
            else:
                r, kind = 0.0, None
            d = N * qd
            i = (N - d) * qi
            wd = (N - d - i) * w
            rt = (N - d - i - wd) * r
            if kind:
                ev[kind][track] += rt
            ev["withdrawals"] += wd
            ev["deaths"].append((sex, track, x, n, d))
            ev["disabled"].append((sex, track, x, n, i))
            if rt > 0:
                ev["retire_awards"].append((sex, track, x, n, rt))
            rest = N - d - i - wd - rt
            if rest > 1e-12:
                key = (sex, track, x + 1, n + 1)
                nxt[key] = nxt.get(key, 0.0) + rest
        stock = nxt
        events.append(ev)
    return stock, events


# =============================================================================================
# 6. Beneficiaries: reconstruction of past retirements, disablements and deaths
# =============================================================================================

def db_pension(n_plus_1, b):
    return max(LOWEST_SALARY, min(CAP, ACCRUAL * n_plus_1) * b)


def survivor_of_retiree(b):
    return max(SURVIVOR_RETIREE * b, SURVIVOR_RETIREE_FLOOR * LOWEST_SALARY)


def survivor_of_active(b):
    return ((1 - DUTY_SHARE) * max(SURVIVOR_RETIREE * b, SURVIVOR_RETIREE_FLOOR * LOWEST_SALARY)
            + DUTY_SHARE * max(SURVIVOR_DUTY * b, SURVIVOR_DUTY_FLOOR * LOWEST_SALARY))


def award_profiles():
    """2019 awards implied by the actives (first projection year): averages by sex of the base
    salary B and the pension, for retirements and disablements; in-service deaths by (sex, age)."""
    _, events = project_actives(ACTIVES, 1)
    ev = events[0]
    ret = {s: [0.0, 0.0, 0.0] for s in SEXES}            # count, sum B, sum pension
    for sex, track, x, n, c in ev["retire_awards"]:
        b = scale(track, n)
        ret[sex][0] += c
        ret[sex][1] += c * b
        ret[sex][2] += c * db_pension(n + 1, b)
    dis = {}                                              # (sex, age at award) -> [count, B, pension]
    for sex, track, x, n, c in ev["disabled"]:
        b = scale(track, n)
        acc = dis.setdefault((sex, x + 1), [0.0, 0.0, 0.0])
        acc[0] += c
        acc[1] += c * b
        acc[2] += c * db_pension(n + 1, b)
    deaths = {}                                           # (sex, age at death) -> [count, survivor amount]
    for sex, track, x, n, c in ev["deaths"]:
        acc = deaths.setdefault((sex, x), [0.0, 0.0])
        acc[0] += c
        acc[1] += c * survivor_of_active(scale(track, n))
    return ret, dis, deaths


RET19, DIS19, DEATHS19 = award_profiles()


def cohort_factor(t):
    return (1 - COHORT_DECLINE) ** (Y0 - 1 - t)


def reconstruct(flow_scale, until_year):
    """Stocks at the start of `until_year`. Each stock maps (sex, age) to
    [count, sum of pensiun pokok, sum of contingent survivor pokok]."""
    pens, dis, surv = {}, {}, {}

    def add(stock, key, count, pokok, contingent):
        acc = stock.setdefault(key, [0.0, 0.0, 0.0])
        acc[0] += count
        acc[1] += count * pokok
        acc[2] += count * contingent

    for t in range(FIRST_YEAR, until_year):
        new_surv = []
        # Deaths during t of beneficiaries aged x at the start of t; ageing of the survivors.
        for stock, leaves_spouse in ((pens, True), (dis, True), (surv, False)):
            nxt = {}
            for (sex, x), (c, p, s) in stock.items():
                qd = min(1.0, HIST_MORTALITY_FACTOR * q(sex, x))
                if leaves_spouse and c > 0:
                    m = step(SPOUSE_PROBABILITY[sex], x)
                    spouse_age = min(max(x + 1 + SPOUSE_AGE_GAP[sex], 0), OMEGA)
                    new_surv.append(((OTHER[sex], spouse_age), c * qd * m, s / c))
                if x + 1 <= OMEGA and c * (1 - qd) > 0:
                    nxt[(sex, x + 1)] = [c * (1 - qd), p * (1 - qd), s * (1 - qd)]
            stock.clear()
            stock.update(nxt)
        # Retirements at the end of t, first paid in t+1 at age r.
        phi = cohort_factor(t)
        R = interp(RETIREMENT_ANCHORS, t) * (flow_scale if t <= LAST_SCALED_YEAR else 1.0)
        ages = RETIREMENT_AGES["before 2014" if t < 2014 else "2014-2015" if t <= 2015 else "from 2016"]
        msh = interp(MALE_SHARE_RETIREMENTS, t)
        for sex in SEXES:
            share = msh if sex == "male" else 1 - msh
            cnt, sb, sp = RET19[sex]
            pokok = max(LOWEST_SALARY, sp / cnt * phi)
            contingent = survivor_of_retiree(sb / cnt * phi)
            for r, w in ages.items():
                add(pens, (sex, r), R * share * w, pokok, contingent)
        # Disablements and deaths in service during t (2019 profile x headcount ratio).
        h = interp(HEADCOUNT_ANCHORS, t) / TOTAL_ACTIVES
        for (sex, age), (c, sb, sp) in DIS19.items():
            add(dis, (sex, age), c * h, max(LOWEST_SALARY, sp / c * phi), survivor_of_retiree(sb / c * phi))
        for (sex, x), (c, ssum) in DEATHS19.items():
            m = step(SPOUSE_PROBABILITY[sex], x)
            spouse_age = min(max(x + 1 + SPOUSE_AGE_GAP[sex], 0), OMEGA)
            amount = max(SURVIVOR_RETIREE_FLOOR * LOWEST_SALARY, ssum / c * phi)
            new_surv.append(((OTHER[sex], spouse_age), c * h * m, amount))
        for key, c, amount in new_surv:
            if c > 0:
                add(surv, key, c, amount, 0.0)
    return pens, dis, surv


def total_count(*stocks):
    return sum(v[0] for st in stocks for v in st.values())


# Scale the flows up to 2014 so that the stock at the start of 2019 is TARGET_RECIPIENTS_2019.
# Those flows enter linearly; later flows, disablements and in-service deaths are not scaled.
_base = total_count(*reconstruct(1.0, Y0))
_fixed = total_count(*reconstruct(0.0, Y0))
FLOW_SCALE = (TARGET_RECIPIENTS_2019 - _fixed) / (_base - _fixed)
PENS, DIS, SURV = reconstruct(FLOW_SCALE, Y0)


def with_allowances_retiree(pokok, sex, age):
    if not INCLUDE_ALLOWANCES:
        return pokok
    spouse = step(SPOUSE_PROBABILITY[sex], age)     # share with a living spouse ~ m_s(x)
    persons = 1 + spouse + CHILDREN_PER_RETIREE
    return pokok * (1 + SPOUSE_ALLOWANCE * spouse + CHILD_ALLOWANCE * CHILDREN_PER_RETIREE) + RICE_ALLOWANCE * persons


def with_allowances_survivor(pokok):
    if not INCLUDE_ALLOWANCES:
        return pokok
    return pokok * (1 + CHILD_ALLOWANCE * CHILDREN_PER_SURVIVOR) + RICE_ALLOWANCE * (1 + CHILDREN_PER_SURVIVOR)


def finalize(stocks, total):
    """Round the counts of the three files together (largest remainder, so that they sum exactly
    to `total`) and turn the pokok amounts into paid amounts (with allowances)."""
    allkeys = [(name, k) for name, stock in stocks.items()
               for k in sorted(stock, key=lambda k: (SEXES.index(k[0]), k[1]))]
    ints = largest_remainder([stocks[n][k][0] for n, k in allkeys], total)
    out = {name: [] for name in stocks}
    for (name, k), c in zip(allkeys, ints):
        if c <= 0:
            continue
        cnt, psum, ssum = stocks[name][k]
        pokok = psum / cnt
        if name == "survivors":
            pension, contingent = with_allowances_survivor(pokok), None
        else:
            pension = with_allowances_retiree(pokok, k[0], k[1])
            contingent = int(round(with_allowances_survivor(ssum / cnt)))
        out[name].append((k[0], k[1], c, int(round(pension)), contingent, pokok))
    return out


BENEFICIARIES = finalize({"pensioners": PENS, "disabled": DIS, "survivors": SURV}, TARGET_RECIPIENTS_2019)


# =============================================================================================
# 7. Entrants
# =============================================================================================

def build_entrants():
    """Track shares proportional to stock share / expected career length (steady state of the
    track mix under a constant headcount); entry ages from ENTRY_AGES; sex from the stock's male
    share at the entry age."""
    stock = {t: 0 for t in TRACKS}
    for (sex, track, x, n), c in ACTIVES.items():
        stock[track] += c
    weights = {}
    for t in TRACKS:
        mean_entry = sum(e * w for e, w in ENTRY_AGES[t].items())
        weights[t] = stock[t] / (BUP[t] - mean_entry)
    tw = sum(weights.values())
    rows, vals = [], []
    for sex in SEXES:
        for t in TRACKS:
            for e, w in sorted(ENTRY_AGES[t].items()):
                m = male_share(t, e)
                rows.append((sex, t, e))
                vals.append(weights[t] / tw * w * (m if sex == "male" else 1 - m))
    ints = largest_remainder(vals, ENTRANT_SHARE_UNITS)
    return [(r, i) for r, i in zip(rows, ints) if i > 0], {t: weights[t] / tw for t in TRACKS}


ENTRANTS, ENTRANT_TRACK_SHARES = build_entrants()


# =============================================================================================
# 8. Write the files
# =============================================================================================

def main():
    write_csv("salary-scales.csv", "service," + ",".join(TRACKS),
              [[str(n)] + [str(SCALES[t][n]) for t in TRACKS] for n in range(MAX_SERVICE + 1)])
    keys = sorted(ACTIVES, key=lambda k: (SEXES.index(k[0]), TRACKS.index(k[1]), k[2], k[3]))
    write_csv("actives.csv", "sex,track,age,service,count",
              [[s, t, str(x), str(n), str(ACTIVES[(s, t, x, n)])] for s, t, x, n in keys])
    for name in ("pensioners", "disabled", "survivors"):
        write_csv(name + ".csv", "sex,age,count,pension,survivor_pension",
                  [[s, str(x), str(c), str(p), "" if sp is None else str(sp)]
                   for s, x, c, p, sp, _ in BENEFICIARIES[name]])
    write_csv("entrants.csv", "sex,track,age,share",
              [[s, t, str(e), "%d.%06d" % divmod(i, ENTRANT_SHARE_UNITS)] for (s, t, e), i in ENTRANTS])
    report()


def report():
    P = print
    P("== Pay levels (tracks[].pay_levels: entry grade, share, multiplier) ==")
    for track in TRACKS:
        if len(PATHS[track]) > 1:
            P(f"  {track:15s} " + "  ".join(f"{g} {w:.2f} x{m:.4f}" for g, w, m in pay_levels(track)))
    P("== Actives ==")
    tot = sum(ACTIVES.values())
    men = sum(c for k, c in ACTIVES.items() if k[0] == "male")
    P(f"total {tot:,}  men {men:,} ({men / tot:.2%})  rows {len(ACTIVES)}  male-share shift {MALE_SHIFT:+.4f}  age-density scale {AGE_SCALE:.4f}")
    by_track = {t: sum(c for k, c in ACTIVES.items() if k[1] == t) for t in TRACKS}
    for t in TRACKS:
        tm = sum(c for k, c in ACTIVES.items() if k[1] == t and k[0] == "male")
        P(f"  {t:15s} {by_track[t]:>9,} ({by_track[t] / tot:.1%})  men {tm / by_track[t]:.1%}")
    ages = {}
    for (s, t, x, n), c in ACTIVES.items():
        ages[x] = ages.get(x, 0) + c

    def band(a, b):
        return sum(v for x, v in ages.items() if a <= x <= b)
    P("  bands: " + "  ".join(f"{a}-{b}: {band(a, b):,}" for a, b in
                             [(19, 25), (26, 30), (31, 35), (36, 40), (41, 45), (46, 50), (51, 55), (56, 60), (61, 64)]))
    P(f"  aged >50: {band(51, 64):,}   51-60: {band(51, 60):,}   41-50: {band(41, 50):,}")
    mean_age = sum(x * v for x, v in ages.items()) / tot
    mean_n = sum(n * c for (s, t, x, n), c in ACTIVES.items()) / tot
    P(f"  mean age {mean_age:.1f}  mean service {mean_n:.1f}")
    gol = {"II": 0.0, "III": 0.0, "IV": 0.0}
    for (s, t, x, n), c in ACTIVES.items():
        for g, w in golongan_mix(t, n).items():
            gol[g] += c * w
    P("  golongan: " + "  ".join(f"{g} {v / tot:.1%}" for g, v in gol.items()))
    payroll = sum(c * scale(t, n) for (s, t, x, n), c in ACTIVES.items())
    P(f"  mean gaji pokok {payroll / tot:,.0f}  payroll 2019 (x12) Rp{payroll * 12 / 1e12:.1f}T"
      f"  employee DB contribution 4.75% Rp{payroll * 12 * 0.0475 / 1e12:.2f}T")

    P("== Projection of the 2019 actives (no entrants) ==")
    stock, events = project_actives(ACTIVES, 4)
    for i, ev in enumerate(events[:3]):
        y = Y0 + i
        tn = sum(ev["normal"].values())
        te = sum(ev["early"].values())
        P(f"  {y}: retirements normal {tn:,.0f} + early {te:,.0f} = {tn + te:,.0f}; "
          + ", ".join(f"{t} {ev['normal'][t] + ev['early'][t]:,.0f}" for t in TRACKS)
          + f"; deaths {sum(e[4] for e in ev['deaths']):,.0f}; disabled {sum(e[4] for e in ev['disabled']):,.0f}"
          + f"; withdrawals {ev['withdrawals']:,.0f}")
    a23 = {}
    for (s, t, x, n), c in stock.items():
        a23[x] = a23.get(x, 0) + c
    P(f"  start of 2023: ages 41-50 {sum(v for x, v in a23.items() if 41 <= x <= 50):,.0f} (BPS 2023: 1,239,180)"
      f"  51-60 {sum(v for x, v in a23.items() if 51 <= x <= 60):,.0f} (1,286,697)"
      f"  60+ {sum(v for x, v in a23.items() if x >= 60):,.0f} (21,101)")
    P(f"  2019 ages 51-55 {band(51, 55):,} vs 2014 ages 46-50 952,637 x survival")

    P("== Award averages of 2019 (from the actives) ==")
    for s in SEXES:
        c, sb, sp = RET19[s]
        P(f"  {s}: retirements {c:,.0f}  mean B {sb / c:,.0f}  mean pension {sp / c:,.0f} ({sp / sb:.1%} of B)")

    P("== Beneficiaries at the start of 2019 ==")
    P(f"  flow scale {FLOW_SCALE:.4f} (2008-2013 retirements = {125_000 * FLOW_SCALE:,.0f}/yr)")
    s15 = reconstruct(FLOW_SCALE, 2015)
    P(f"  start of 2015: {total_count(*s15):,.0f} (Taspen end-2014 {TASPEN_RECIPIENTS_END_2014:,}: {total_count(*s15) / TASPEN_RECIPIENTS_END_2014 - 1:+.1%})"
      f"  retired {total_count(s15[0]):,.0f} disabled {total_count(s15[1]):,.0f} survivors {total_count(s15[2]):,.0f}")
    grand_c = grand_s = 0
    for name in ("pensioners", "disabled", "survivors"):
        rows = BENEFICIARIES[name]
        c = sum(r[2] for r in rows)
        spend = sum(r[2] * r[3] for r in rows) * MONTHS_PAID
        pokok = sum(r[2] * r[5] for r in rows)
        men = sum(r[2] for r in rows if r[0] == "male")
        mean_age = sum(r[2] * r[1] for r in rows) / c
        grand_c += c
        grand_s += spend
        P(f"  {name:10s} {c:>9,}  men {men / c:.1%}  mean age {mean_age:.1f}  mean pokok {pokok / c:,.0f}"
          f"  mean pension {sum(r[2] * r[3] for r in rows) / c:,.0f}  uplift {sum(r[2] * r[3] for r in rows) / pokok - 1:.1%}"
          f"  spending Rp{spend / 1e12:.2f}T")
    P(f"  total {grand_c:,}  survivors' share {sum(r[2] for r in BENEFICIARIES['survivors']) / grand_c:.1%}")
    P(f"  spending 2019 = sum count x pension x {MONTHS_PAID} = Rp{grand_s / 1e12:.2f}T vs target Rp{TARGET_SPENDING_2019 / 1e12:.2f}T"
      f" ({grand_s / TARGET_SPENDING_2019 - 1:+.1%})")
    pk = [r for n in ("pensioners", "disabled") for r in BENEFICIARIES[n]]
    P(f"  pokok range of cells: retired/disabled {min(r[5] for r in pk):,.0f} - {max(r[5] for r in pk):,.0f};"
      f" survivors {min(r[5] for r in BENEFICIARIES['survivors']):,.0f} - {max(r[5] for r in BENEFICIARIES['survivors']):,.0f}")
    age_b = {}
    for r in BENEFICIARIES["pensioners"]:
        b = "<56" if r[1] < 56 else "56-65" if r[1] <= 65 else "66-75" if r[1] <= 75 else "76-85" if r[1] <= 85 else "86+"
        age_b[b] = age_b.get(b, 0) + r[2]
    P("  pensioners by age: " + "  ".join(f"{b} {v:,}" for b, v in age_b.items()))

    P("== Entrants ==")
    P("  track shares: " + "  ".join(f"{t} {v:.1%}" for t, v in ENTRANT_TRACK_SHARES.items()))
    fem = sum(i for (s, t, e), i in ENTRANTS if s == "female") / ENTRANT_SHARE_UNITS
    me = sum(e * i for (s, t, e), i in ENTRANTS) / ENTRANT_SHARE_UNITS
    P(f"  female {fem:.1%}  mean entry age {me:.1f}  rows {len(ENTRANTS)}  sum {sum(i for _, i in ENTRANTS)}")


if __name__ == "__main__":
    main()
