"""Tests for the Chinese deadline parser: tables of expressions, non-text cells, find_year, fuzzing."""
from __future__ import annotations

import dataclasses
import math
import random
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from planviz.dates import KINDS, RECURRENCE_WORDS, Deadline, find_year, parse_deadline
from planviz.model import RECURRENCES

Y = 2026
WHOLE = ("2026-01-01", "2026-12-31")

# (text, plan year, expected start, expected end, expected recurrence, expected kind)
DEADLINES = [
    ("3月底前", Y, None, "2026-03-31", None, "deadline"),
    ("6月30日前", Y, None, "2026-06-30", None, "deadline"),
    ("6月底前完成", Y, None, "2026-06-30", None, "deadline"),
    ("年底前", Y, None, "2026-12-31", None, "deadline"),
    ("年底", Y, None, "2026-12-31", None, "deadline"),
    ("年末前完成", Y, None, "2026-12-31", None, "deadline"),
    ("年终", Y, None, "2026-12-31", None, "deadline"),
    ("岁末", Y, None, "2026-12-31", None, "deadline"),
    ("2026年底前", Y, None, "2026-12-31", None, "deadline"),
    ("2027年年底前", Y, None, "2027-12-31", None, "deadline"),
    ("3月底", Y, None, "2026-03-31", None, "deadline"),
    ("2月底前", Y, None, "2026-02-28", None, "deadline"),
    ("2月底前", 2028, None, "2028-02-29", None, "deadline"),
    ("9月末", Y, None, "2026-09-30", None, "deadline"),
    ("11月尾", Y, None, "2026-11-30", None, "deadline"),
    ("一季度末", Y, None, "2026-03-31", None, "deadline"),
    ("二季度末前", Y, None, "2026-06-30", None, "deadline"),
    ("第三季度末", Y, None, "2026-09-30", None, "deadline"),
    ("四季度底", Y, None, "2026-12-31", None, "deadline"),
    ("上半年末", Y, None, "2026-06-30", None, "deadline"),
    ("下半年底前", Y, None, "2026-12-31", None, "deadline"),
    ("年中", Y, None, "2026-06-30", None, "deadline"),
    ("截至6月30日", Y, None, "2026-06-30", None, "deadline"),
    ("截止2026年9月30日", Y, None, "2026-09-30", None, "deadline"),
    ("截止到5月", Y, None, "2026-05-31", None, "deadline"),
    ("6月30日止", Y, None, "2026-06-30", None, "deadline"),
    ("10月20日之前", Y, None, "2026-10-20", None, "deadline"),
    ("10月1日以前", Y, None, "2026-10-01", None, "deadline"),
    ("12月15日前召开", Y, None, "2026-12-15", None, "deadline"),
    ("启动后于4月底前完成", Y, None, "2026-04-30", None, "deadline"),
    ("3月前", Y, None, "2026-02-28", None, "deadline"),  # before the month starts
    ("第二季度前", Y, None, "2026-03-31", None, "deadline"),
    ("12月份前", Y, None, "2026-11-30", None, "deadline"),
    ("7.1前", Y, None, "2026-07-01", None, "deadline"),  # a written date, unlike 七一前
    ("上半年前", Y, None, "2025-12-31", None, "deadline"),
    ("持续推进，6月底前完成", Y, None, "2026-06-30", None, "deadline"),
    ("根据上级安排，3月底前", Y, None, "2026-03-31", None, "deadline"),
    ("6月底前完成初稿，9月底前定稿", Y, None, "2026-09-30", None, "deadline"),  # steps: the last one ends it
    ("3月31日24时前", Y, None, "2026-03-31", None, "deadline"),
    ("5月20日17:00前", Y, None, "2026-05-20", None, "deadline"),
    ("即日起至6月", Y, None, "2026-06-30", None, "deadline"),
]

FESTIVALS = [
    ("七一前", Y, None, "2026-06-30", None, "deadline"),
    ("“七一”前", Y, None, "2026-06-30", None, "deadline"),
    ("七一建党节前", Y, None, "2026-06-30", None, "deadline"),
    ("建党节前夕", Y, None, "2026-06-30", None, "deadline"),
    ("七一", Y, "2026-07-01", "2026-07-01", None, "date"),
    ("七一前后", Y, "2026-07-01", "2026-07-01", None, "date"),
    ("国庆节前", Y, None, "2026-09-30", None, "deadline"),
    ("国庆前", Y, None, "2026-09-30", None, "deadline"),
    ("十一前", Y, None, "2026-09-30", None, "deadline"),
    ("十一国庆前", Y, None, "2026-09-30", None, "deadline"),
    ("国庆期间", Y, "2026-10-01", "2026-10-01", None, "date"),
    ("国庆节后", Y, "2026-10-02", "2026-12-31", None, "period"),
    ("春节前", Y, None, "2026-02-16", None, "deadline"),
    ("春节前", 2027, None, "2027-02-05", None, "deadline"),
    ("春节前", 2025, None, "2025-01-28", None, "deadline"),
    ("春节前", 2030, None, "2030-02-02", None, "deadline"),
    ("春节期间", Y, "2026-02-17", "2026-02-17", None, "date"),
    ("2028年春节", Y, "2028-01-26", "2028-01-26", None, "date"),
    ("元宵节前", Y, None, "2026-03-02", None, "deadline"),
    ("元旦", Y, "2026-01-01", "2026-01-01", None, "date"),
    ("元旦前", Y, None, "2026-12-31", None, "deadline"),  # the coming New Year
    ("2026年元旦前", Y, None, "2025-12-31", None, "deadline"),
    ("五四前", Y, None, "2026-05-03", None, "deadline"),
    ("五四青年节前后", Y, "2026-05-04", "2026-05-04", None, "date"),
    ("八一前", Y, None, "2026-07-31", None, "deadline"),
    ("八一建军节", Y, "2026-08-01", "2026-08-01", None, "date"),
    ("五一前", Y, None, "2026-04-30", None, "deadline"),
    ("劳动节前", Y, None, "2026-04-30", None, "deadline"),
    ("三八节前", Y, None, "2026-03-07", None, "deadline"),
    ("三八妇女节", Y, "2026-03-08", "2026-03-08", None, "date"),
    ("清明节前", Y, None, "2026-04-04", None, "deadline"),
    ("中秋节前", Y, None, "2026-09-24", None, "deadline"),
    ("中秋", 2027, "2027-09-15", "2027-09-15", None, "date"),
    ("重阳节", Y, "2026-10-18", "2026-10-18", None, "date"),
    ("重阳节前", 2027, None, "2027-10-07", None, "deadline"),
    ("教师节前", Y, None, "2026-09-09", None, "deadline"),
    ("六一前", Y, None, "2026-05-31", None, "deadline"),
    ("七一、国庆期间", Y, "2026-07-01", "2026-10-01", None, "period"),  # a list of festivals: both kept
    ("五四至七一", Y, "2026-05-04", "2026-07-01", None, "period"),  # festival to festival
    ("元旦至春节", Y, "2026-01-01", "2026-02-17", None, "period"),
    ("3月启动、6月底前完成", Y, "2026-03-01", "2026-06-30", None, "period"),  # a start and an end
    ("3月启动6月底前完成", Y, "2026-03-01", "2026-06-30", None, "period"),
    ("十一假期", Y, "2026-10-01", "2026-10-01", None, "date"),
]

PERIODS = [
    ("3月", Y, "2026-03-01", "2026-03-31", None, "period"),
    ("9月份", Y, "2026-09-01", "2026-09-30", None, "period"),
    ("2月", 2028, "2028-02-01", "2028-02-29", None, "period"),
    ("2026年3月", Y, "2026-03-01", "2026-03-31", None, "period"),
    ("2027年3月", Y, "2027-03-01", "2027-03-31", None, "period"),
    ("2025年12月", Y, "2025-12-01", "2025-12-31", None, "period"),
    ("2026.3", Y, "2026-03-01", "2026-03-31", None, "period"),
    ("第二季度", Y, "2026-04-01", "2026-06-30", None, "period"),
    ("二季度", Y, "2026-04-01", "2026-06-30", None, "period"),
    ("一季度", Y, "2026-01-01", "2026-03-31", None, "period"),
    ("第四季度", Y, "2026-10-01", "2026-12-31", None, "period"),
    ("三季", Y, "2026-07-01", "2026-09-30", None, "period"),
    ("Q2", Y, "2026-04-01", "2026-06-30", None, "period"),
    ("q3", Y, "2026-07-01", "2026-09-30", None, "period"),
    ("2027Q1", Y, "2027-01-01", "2027-03-31", None, "period"),
    ("第一季度初", Y, "2026-01-01", "2026-01-31", None, "period"),
    ("上半年", Y, "2026-01-01", "2026-06-30", None, "period"),
    ("下半年", Y, "2026-07-01", "2026-12-31", None, "period"),
    ("H1", Y, "2026-01-01", "2026-06-30", None, "period"),
    ("2026年下半年", Y, "2026-07-01", "2026-12-31", None, "period"),
    ("3-5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月-5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月—5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月——5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3–5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3~5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3～5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3〜5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3－5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月至5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3到5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月起至5月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月份-5月份", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("1-12月", Y, *WHOLE, None, "period"),
    ("三至五月", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("三四月", Y, "2026-03-01", "2026-04-30", None, "period"),
    ("十一、十二月", Y, "2026-11-01", "2026-12-31", None, "period"),
    ("十一至十二月", Y, "2026-11-01", "2026-12-31", None, "period"),
    ("九至十一月", Y, "2026-09-01", "2026-11-30", None, "period"),
    ("11月-2月", Y, "2026-11-01", "2027-02-28", None, "period"),
    ("12月至次年2月", Y, "2026-12-01", "2027-02-28", None, "period"),
    ("2025年12月-2026年1月", Y, "2025-12-01", "2026-01-31", None, "period"),
    ("3月中旬至4月上旬", Y, "2026-03-11", "2026-04-10", None, "period"),
    ("3月至5月底", Y, "2026-03-01", "2026-05-31", None, "period"),
    ("3月上旬", Y, "2026-03-01", "2026-03-10", None, "period"),
    ("3月中旬", Y, "2026-03-11", "2026-03-20", None, "period"),
    ("3月下旬", Y, "2026-03-21", "2026-03-31", None, "period"),
    ("2月下旬", Y, "2026-02-21", "2026-02-28", None, "period"),
    ("3月初", Y, "2026-03-01", "2026-03-10", None, "period"),
    ("3月中", Y, "2026-03-11", "2026-03-20", None, "period"),
    ("3月中下旬", Y, "2026-03-11", "2026-03-31", None, "period"),
    ("3月上中旬", Y, "2026-03-01", "2026-03-20", None, "period"),
    ("4月上半月", Y, "2026-04-01", "2026-04-15", None, "period"),
    ("4月下半月", Y, "2026-04-16", "2026-04-30", None, "period"),
    ("十月中旬", Y, "2026-10-11", "2026-10-20", None, "period"),
    ("3月10日-20日", Y, "2026-03-10", "2026-03-20", None, "period"),
    ("3月10日至20日", Y, "2026-03-10", "2026-03-20", None, "period"),
    ("3月10-20日", Y, "2026-03-10", "2026-03-20", None, "period"),
    ("3月10日至4月15日", Y, "2026-03-10", "2026-04-15", None, "period"),
    ("5月1日-5月4日", Y, "2026-05-01", "2026-05-04", None, "period"),
    ("3.10-3.20", Y, "2026-03-10", "2026-03-20", None, "period"),
    ("2026.3.1-2026.4.15", Y, "2026-03-01", "2026-04-15", None, "period"),
    ("12月20日至1月10日", Y, "2026-12-20", "2027-01-10", None, "period"),
    ("第一至二季度", Y, "2026-01-01", "2026-06-30", None, "period"),
    ("1-2季度", Y, "2026-01-01", "2026-06-30", None, "period"),
    ("Q1-Q2", Y, "2026-01-01", "2026-06-30", None, "period"),
    ("第二季度至第三季度", Y, "2026-04-01", "2026-09-30", None, "period"),
    ("5月、10月", Y, "2026-05-01", "2026-10-31", None, "period"),
    ("3月、6月、9月、12月", Y, "2026-03-01", "2026-12-31", None, "period"),
    ("3、6、9、12月", Y, "2026-03-01", "2026-12-31", None, "period"),
    ("4月和7月", Y, "2026-04-01", "2026-07-31", None, "period"),
    ("第一季度和第三季度", Y, "2026-01-01", "2026-09-30", None, "period"),
    ("一、三季度", Y, "2026-01-01", "2026-09-30", None, "period"),
    ("全年", Y, *WHOLE, None, "period"),
    ("年内", Y, *WHOLE, None, "period"),
    ("年内完成", Y, *WHOLE, None, "period"),
    ("本年度", Y, *WHOLE, None, "period"),
    ("年度", Y, *WHOLE, None, "period"),
    ("持续至年底", Y, None, "2026-12-31", None, "deadline"),
    ("2026.03-2026.06", Y, "2026-03-01", "2026-06-30", None, "period"),
    ("2026/03—2026/06", Y, "2026-03-01", "2026-06-30", None, "period"),
    ("3.1—4.30", Y, "2026-03-01", "2026-04-30", None, "period"),
    ("2026年", Y, *WHOLE, None, "period"),
    ("2026年度", Y, *WHOLE, None, "period"),
    ("2027年全年", Y, "2027-01-01", "2027-12-31", None, "period"),
    ("年初", Y, "2026-01-01", "2026-01-31", None, "period"),
    ("3月起", Y, "2026-03-01", "2026-12-31", None, "period"),
    ("5月开始", Y, "2026-05-01", "2026-12-31", None, "period"),
    ("6月后", Y, "2026-07-01", "2026-12-31", None, "period"),
    ("9月30日以后", Y, "2026-10-01", "2026-12-31", None, "period"),
    ("3月前后", Y, "2026-03-01", "2026-03-31", None, "period"),
]

DATES = [
    ("2026.3.31", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("2026/3/31", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("2026-03-31", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("2026-03-31 00:00:00", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("2026年3月31日", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("2027年3月31日", Y, "2027-03-31", "2027-03-31", None, "date"),
    ("3月31日", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("3月31号", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("3月31", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("3.31", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("3/31", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("12.1", Y, "2026-12-01", "2026-12-01", None, "date"),
    ("2月29日", 2028, "2028-02-29", "2028-02-29", None, "date"),
    ("3月31日前后", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("6月30日左右", Y, "2026-06-30", "2026-06-30", None, "date"),
    ("7月1日召开", Y, "2026-07-01", "2026-07-01", None, "date"),
    ("46112", Y, "2026-03-31", "2026-03-31", None, "date"),  # a serial number kept as text
]

RECURRING = [
    ("每月", Y, *WHOLE, "monthly", "recurring"),
    ("每个月", Y, *WHOLE, "monthly", "recurring"),
    ("按月", Y, *WHOLE, "monthly", "recurring"),
    ("逐月", Y, *WHOLE, "monthly", "recurring"),
    ("每月一次", Y, *WHOLE, "monthly", "recurring"),
    ("每月15日前", Y, *WHOLE, "monthly", "recurring"),
    ("每月底前", Y, *WHOLE, "monthly", "recurring"),
    ("一月一次", Y, *WHOLE, "monthly", "recurring"),
    ("每季度", Y, *WHOLE, "quarterly", "recurring"),
    ("每季", Y, *WHOLE, "quarterly", "recurring"),
    ("按季度", Y, *WHOLE, "quarterly", "recurring"),
    ("每季度末", Y, *WHOLE, "quarterly", "recurring"),
    ("一季度一次", Y, *WHOLE, "quarterly", "recurring"),
    ("每周", Y, *WHOLE, "weekly", "recurring"),
    ("每星期", Y, *WHOLE, "weekly", "recurring"),
    ("每半年", Y, *WHOLE, "half-yearly", "recurring"),
    ("每学期", Y, *WHOLE, "half-yearly", "recurring"),
    ("每年", Y, *WHOLE, "yearly", "recurring"),
    ("一年一次", Y, *WHOLE, "yearly", "recurring"),
    ("全年每月开展", Y, *WHOLE, "monthly", "recurring"),
    ("2027年每季度", Y, "2027-01-01", "2027-12-31", "quarterly", "recurring"),
    ("季度", Y, *WHOLE, "quarterly", "recurring"),
    ("季度末", Y, *WHOLE, "quarterly", "recurring"),
    ("月度", Y, *WHOLE, "monthly", "recurring"),
    ("全年（每月一次）", Y, *WHOLE, "monthly", "recurring"),
]

ONGOING = [
    ("长期坚持", Y, *WHOLE, None, "ongoing"),
    ("长期", Y, *WHOLE, None, "ongoing"),
    ("持续推进", Y, *WHOLE, None, "ongoing"),
    ("常态化", Y, *WHOLE, None, "ongoing"),
    ("常态化开展", Y, *WHOLE, None, "ongoing"),
    ("全年持续", Y, *WHOLE, None, "ongoing"),
    ("贯穿全年", Y, *WHOLE, None, "ongoing"),
    ("定期开展", Y, *WHOLE, None, "ongoing"),
    ("日常", Y, *WHOLE, None, "ongoing"),
]

NEXT_YEAR = [
    ("次年1月", Y, "2027-01-01", "2027-01-31", None, "period"),
    ("次年1月底前", Y, None, "2027-01-31", None, "deadline"),
    ("明年3月", Y, "2027-03-01", "2027-03-31", None, "period"),
    ("次年第一季度", Y, "2027-01-01", "2027-03-31", None, "period"),
    ("次年1月15日前", Y, None, "2027-01-15", None, "deadline"),
    ("次年春节前", Y, None, "2027-02-05", None, "deadline"),
    ("次年底前", Y, None, "2027-12-31", None, "deadline"),
    ("次年", Y, "2027-01-01", "2027-12-31", None, "period"),
    ("次年1月", 2025, "2026-01-01", "2026-01-31", None, "period"),
]

NORMALISATION = [
    ("３月底前", Y, None, "2026-03-31", None, "deadline"),
    ("６月３０日前", Y, None, "2026-06-30", None, "deadline"),
    ("Ｑ２", Y, "2026-04-01", "2026-06-30", None, "period"),
    ("２０２６．３．３１", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("三月底前", Y, None, "2026-03-31", None, "deadline"),
    ("十二月", Y, "2026-12-01", "2026-12-31", None, "period"),
    ("十一月", Y, "2026-11-01", "2026-11-30", None, "period"),
    ("十二月三十一日", Y, "2026-12-31", "2026-12-31", None, "date"),
    ("二〇二六年三月", Y, "2026-03-01", "2026-03-31", None, "period"),
    ("二零二七年六月底前", Y, None, "2027-06-30", None, "deadline"),
    ("二〇二六年三月三十一日", Y, "2026-03-31", "2026-03-31", None, "date"),
    ("第二季度末", Y, None, "2026-06-30", None, "deadline"),
    ("  3 月 底 前 ", Y, None, "2026-03-31", None, "deadline"),
    ("3月\u3000底前", Y, None, "2026-03-31", None, "deadline"),
    ("\ufeff5月", Y, "2026-05-01", "2026-05-31", None, "period"),
    ("九月份", Y, "2026-09-01", "2026-09-30", None, "period"),
    ("二月二十九日", 2028, "2028-02-29", "2028-02-29", None, "date"),
]

VAGUE = [
    ("适时", Y, None, None, None, "vague"),
    ("适时召开", Y, None, None, None, "vague"),
    ("根据上级安排", Y, None, None, None, "vague"),
    ("按上级要求", Y, None, None, None, "vague"),
    ("按要求", Y, None, None, None, "vague"),
    ("视情况", Y, None, None, None, "vague"),
    ("视情况而定", Y, None, None, None, "vague"),
    ("另行通知", Y, None, None, None, "vague"),
    ("待定", Y, None, None, None, "vague"),
    ("根据工作需要", Y, None, None, None, "vague"),
    ("不定期", Y, None, None, None, "vague"),
]

BLANK_AND_UNREADABLE = [
    ("", Y, None, None, None, "blank"),
    ("   ", Y, None, None, None, "blank"),
    ("无", Y, None, None, None, "blank"),
    ("-", Y, None, None, None, "blank"),
    ("nan", Y, None, None, None, "blank"),
    ("xyz", Y, None, None, None, "unreadable"),
    ("尽快", Y, None, None, None, "unreadable"),
    ("2月30日", Y, None, None, None, "unreadable"),
    ("2月29日", Y, None, None, None, "unreadable"),
    ("2月30日前", Y, None, None, None, "unreadable"),
    ("13月", Y, None, None, None, "unreadable"),
    ("13月底前", Y, None, None, None, "unreadable"),
    ("4月31日", Y, None, None, None, "unreadable"),
    ("第五季度", Y, None, None, None, "unreadable"),
    ("本季度", Y, None, None, None, "unreadable"),
    ("5-3月", Y, None, None, None, "unreadable"),  # backwards within the year: a slip of the pen
    ("3月20日-10日", Y, None, None, None, "unreadable"),
    ("2031年春节前", Y, None, None, None, "unreadable"),  # outside the lunar table
    ("春节前", 2040, None, None, None, "unreadable"),
    ("重阳节", 2035, None, None, None, "unreadable"),
    ("2026.13.1", Y, None, None, None, "unreadable"),
    ("0000年3月", Y, None, None, None, "unreadable"),
    ("31日", Y, None, None, None, "unreadable"),
    ("???", Y, None, None, None, "unreadable"),
]

# Found red-teaming realistic plans (tests/realistic.py): school, ledger and two-step wordings.
OFFICE_WORDINGS = [
    ("每两月", Y, *WHOLE, None, "ongoing"),  # not 2月
    ("每两个月", Y, *WHOLE, None, "ongoing"),
    ("双月", Y, *WHOLE, None, "ongoing"),
    ("隔周", Y, *WHOLE, None, "ongoing"),
    ("每半月", Y, *WHOLE, None, "ongoing"),
    ("一年两次", Y, *WHOLE, "half-yearly", "recurring"),
    ("半年一次", Y, *WHOLE, "half-yearly", "recurring"),
    ("每年4次", Y, *WHOLE, "quarterly", "recurring"),
    ("暑假期间", Y, "2026-07-01", "2026-08-31", None, "period"),
    ("暑假后", Y, "2026-09-01", "2026-12-31", None, "period"),
    ("寒假前", Y, None, "2026-01-14", None, "deadline"),
    ("即日起", Y, *WHOLE, None, "ongoing"),
    ("3月启动，6月底前完成", Y, "2026-03-01", "2026-06-30", None, "period"),
    ("3月开始，9月结束", Y, "2026-03-01", "2026-09-30", None, "period"),
    ("9月启动，3月完成", Y, "2026-09-01", "2026-09-30", None, "period"),  # steps backwards: the first is read
    ("3月启动，6月验收，9月底前总结", Y, "2026-03-01", "2026-09-30", None, "period"),
    ("每月开展，年底前总结", Y, *WHOLE, "monthly", "recurring"),  # one dated step: the rhythm stays
    ("—", Y, None, None, None, "blank"),
    ("——", Y, None, None, None, "blank"),
]

TABLES = DEADLINES + FESTIVALS + PERIODS + DATES + RECURRING + ONGOING + NEXT_YEAR + NORMALISATION + VAGUE \
    + BLANK_AND_UNREADABLE + OFFICE_WORDINGS


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _case_id(case: tuple) -> str:
    return f"{case[0]!r}@{case[1]}"


@pytest.mark.parametrize("case", TABLES, ids=[_case_id(c) for c in TABLES])
def test_expression(case):
    text, year, start, end, recurrence, kind = case
    got = parse_deadline(text, year)
    assert (got.start, got.end, got.recurrence, got.kind) == (_day(start), _day(end), recurrence, kind)


def test_tables_are_large_and_distinct():
    keys = [(c[0], c[1]) for c in TABLES]
    assert len(set(keys)) == len(keys)
    assert len({c[0] for c in TABLES}) >= 150
    assert {c[5] for c in TABLES} == set(KINDS)


@pytest.mark.parametrize("case", TABLES, ids=[_case_id(c) for c in TABLES])
def test_table_rows_obey_kind_rules(case):
    """Guards the tables themselves: each expected row has the shape its kind promises."""
    _, _, start, end, recurrence, kind = case
    if kind == "deadline":
        assert start is None and end
    elif kind == "date":
        assert start == end and start
    elif kind in ("period", "recurring", "ongoing"):
        assert start and end and start <= end
    else:
        assert start is None and end is None
    assert (recurrence is not None) == (kind == "recurring")


# -- cells that are not text ---------------------------------------------------------------------

NON_TEXT = [
    (None, None, None, "blank"),
    (float("nan"), None, None, "blank"),
    (np.nan, None, None, "blank"),
    (pd.NaT, None, None, "blank"),
    (pd.NA, None, None, "blank"),
    (date(2026, 3, 31), "2026-03-31", "2026-03-31", "date"),
    (datetime(2026, 3, 31, 17, 30), "2026-03-31", "2026-03-31", "date"),
    (pd.Timestamp("2026-06-30"), "2026-06-30", "2026-06-30", "date"),
    (np.datetime64("2026-06-30"), "2026-06-30", "2026-06-30", "date"),
    (46112, "2026-03-31", "2026-03-31", "date"),
    (46112.0, "2026-03-31", "2026-03-31", "date"),
    (46112.75, "2026-03-31", "2026-03-31", "date"),
    (np.int64(46203), "2026-06-30", "2026-06-30", "date"),
    (np.float64(45658), "2025-01-01", "2025-01-01", "date"),
    (32874, "1990-01-01", "1990-01-01", "date"),
    (3.31, "2026-03-31", "2026-03-31", "date"),
    (6.3, "2026-06-03", "2026-06-03", "date"),
    (2026, "2026-01-01", "2026-12-31", "period"),
    (0, None, None, "unreadable"),
    (-5, None, None, "unreadable"),
    (1e300, None, None, "unreadable"),
    (float("inf"), None, None, "unreadable"),
    (99999, None, None, "unreadable"),  # after 2100: not a plausible serial
    (True, None, None, "unreadable"),
    ([1, 2], None, None, "unreadable"),
]


@pytest.mark.parametrize("value,start,end,kind", NON_TEXT, ids=[repr(v[0]) for v in NON_TEXT])
def test_non_text_cells(value, start, end, kind):
    got = parse_deadline(value, Y)
    assert (got.start, got.end, got.recurrence, got.kind) == (_day(start), _day(end), None, kind)


def test_text_is_kept_stripped_and_non_text_values_become_str():
    assert parse_deadline("  3月底前\n", Y).text == "3月底前"
    assert parse_deadline(46112, Y).text == "46112"
    assert parse_deadline(date(2026, 3, 31), Y).text == "2026-03-31"
    assert parse_deadline(None, Y).text == ""
    assert parse_deadline(pd.NA, Y).text == ""
    assert parse_deadline("\ufeff七一前", Y).text == "七一前"


def test_deadline_is_frozen_and_readable():
    d = parse_deadline("3月底前", Y)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.end = None  # type: ignore[misc]
    assert d.readable
    assert dataclasses.replace(d, kind="unreadable").readable is False
    assert parse_deadline("适时", Y).readable
    assert parse_deadline("", Y).readable
    assert not parse_deadline("随便写写", Y).readable
    assert isinstance(d, Deadline)


def test_recurrence_words_read_back_as_their_rhythm():
    assert set(RECURRENCE_WORDS) == set(RECURRENCES)
    for rhythm, words in RECURRENCE_WORDS.items():
        assert parse_deadline(words, Y).recurrence == rhythm, words


def test_explicit_year_wins_over_plan_year():
    assert parse_deadline("2026年6月底前", 2030).end == date(2026, 6, 30)
    assert parse_deadline("3月底前", 2030).end == date(2030, 3, 31)


# -- find_year ----------------------------------------------------------------------------------

YEARS = [
    ("某某党支部2026年度党建工作计划", 2026),
    ("二〇二六年党建工作要点", 2026),
    ("二零二七年度工作计划", 2027),
    ("２０２６年度计划", 2026),
    ("机关第一党支部 2026 年党建工作计划", 2026),
    ("2025年工作总结暨2026年工作计划", 2026),
    ("2026党建工作计划", 2026),
    ("党建工作计划", None),
    ("", None),
    ("第三党支部12年工作回顾", None),
    ("电话88202600", None),
]


@pytest.mark.parametrize("title,year", YEARS)
def test_find_year(title, year):
    assert find_year(title) == year


# -- fuzzing ------------------------------------------------------------------------------------

_ALPHABET = ("0123456789０１２３４５６７８９年月日号前后底末初中上下旬季度第QH至到~～—-–、，,./·每按周半全"
             "长期持续适时上级一二三四五六七八九十〇零两元旦春节七一国庆五四八清明中秋重阳次明截止起期间 \t")


def _random_texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        if rng.random() < 0.6:  # plausible pieces glued at random: reaches deep into the handlers
            yield "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 16)))
        else:  # any code point, lone surrogates included
            yield "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 12)))


@pytest.mark.parametrize("seed", range(4))
def test_fuzz_never_raises_and_keeps_invariants(seed):
    for text in _random_texts(seed, 3000):
        for year in (2026, 1, 9999):
            got = parse_deadline(text, year)
            assert got.kind in KINDS
            assert got.recurrence in RECURRENCES or got.recurrence is None
            if got.start and got.end:
                assert got.start <= got.end
            if got.kind in ("vague", "blank", "unreadable"):
                assert got.start is None and got.end is None
            if got.kind == "deadline":
                assert got.start is None and got.end is not None
        found = find_year(text)
        assert found is None or 1900 <= found <= 2199


def test_fuzz_numbers_never_raise():
    rng = random.Random(7)
    for _ in range(3000):
        value = rng.choice([rng.uniform(-1e6, 1e6), rng.randint(-10**9, 10**9), rng.uniform(0, 13)])
        got = parse_deadline(value, Y)
        assert got.kind in KINDS
    assert parse_deadline(float("-inf"), Y).kind == "unreadable"
    assert math.isnan(float("nan")) and parse_deadline(float("nan"), Y).kind == "blank"
