"""The loaders of JSON text, as :mod:`csto_program.serialize._fast` generates
them from the records' field declarations, kept here so that Python caches their bytecode.

Do not edit: ``make generated`` writes this file, and the tests check that it is current.
The generator uses it only while its functions' text is exactly ``SOURCES``; it gives them
their globals (the checks and constants they name) before the first call.
"""

# mypy: ignore-errors
# ruff: noqa
# fmt: off

SOURCES = {
    'load_Stage': "def load_Stage(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 4\n    try:\n        r0, r1, r2, r3 = _required_6(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not int or r0 < 1:\n        raise GiveUp\n    f0 = r0\n    if type(r1) is not str or not _check_7(r1):\n        raise GiveUp\n    f1 = r1\n    f2 = _date(r2)\n    if f2 is None:\n        raise GiveUp\n    f3 = _date(r3)\n    if f3 is None:\n        raise GiveUp\n    v = d.get('tasks', _MISSING)\n    if v is _MISSING:\n        f4 = _default_8\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_9(x):\n                raise GiveUp\n            x = x\n        f4 = tuple(v)\n    v = d.get('description', _MISSING)\n    if v is _MISSING:\n        f5 = _default_10\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f5 = v\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f6 = _default_11\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_12(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f6 = tuple(v)\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_13)\n    _set_14(o, f0)\n    _set_15(o, f1)\n    _set_16(o, f2)\n    _set_17(o, f3)\n    _set_18(o, f4)\n    _set_19(o, f5)\n    _set_20(o, f6)\n    try:\n        _post_init_21(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Plan': "def load_Plan(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 4\n    try:\n        r0, r1, r2, r3 = _required_4(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_5(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str:\n        raise GiveUp\n    f1 = dates.get(r1)\n    if f1 is None:\n        f1 = _partial(r1)\n        if f1 is None:\n            raise GiveUp\n        dates[r1] = f1\n    f2 = _date(r2)\n    if f2 is None:\n        raise GiveUp\n    if type(r3) is not list:\n        raise GiveUp\n    f3 = tuple([load_Stage(x, keys, ids, dates) for x in r3])\n    if len(f3) < 1:\n        raise GiveUp\n    v = d.get('term_months', _MISSING)\n    if v is _MISSING:\n        f4 = _default_22\n    else:\n        n += 1\n        if type(v) is not int or v < 1:\n            raise GiveUp\n        f4 = v\n    v = d.get('first_stage_months', _MISSING)\n    if v is _MISSING:\n        f5 = _default_23\n    else:\n        n += 1\n        if v is None:\n            f5 = None\n        else:\n            if type(v) is not int or v < 1:\n                raise GiveUp\n            f5 = v\n    v = d.get('basis', _MISSING)\n    if v is _MISSING:\n        f6 = _default_24\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f6 = v\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f7 = _default_25\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_26(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f7 = tuple(v)\n    v = d.get('note', _MISSING)\n    if v is _MISSING:\n        f8 = _default_27\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f8 = v\n    v = d.get('inferred', _MISSING)\n    if v is _MISSING:\n        f9 = _default_28\n    else:\n        n += 1\n        if type(v) is not bool:\n            raise GiveUp\n        f9 = v\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_29)\n    _set_30(o, f0)\n    _set_31(o, f1)\n    _set_32(o, f2)\n    _set_33(o, f3)\n    _set_34(o, f4)\n    _set_35(o, f5)\n    _set_36(o, f6)\n    _set_37(o, f7)\n    _set_38(o, f8)\n    _set_39(o, f9)\n    try:\n        _post_init_40(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_LocalName': "def load_LocalName(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 2\n    try:\n        r0, r1 = _required_62(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str or _problem_63(r0) is not None:\n        raise GiveUp\n    f0 = r0\n    if type(r1) is not str or not _check_64(r1):\n        raise GiveUp\n    f1 = r1\n    v = d.get('abbreviation', _MISSING)\n    if v is _MISSING:\n        f2 = _default_65\n    else:\n        n += 1\n        if v is None:\n            f2 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f2 = v\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_66)\n    _set_67(o, f0)\n    _set_68(o, f1)\n    _set_69(o, f2)\n    return o\n",
    'load_Organization': "def load_Organization(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 2\n    try:\n        r0, r1 = _required_50(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_51(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str or not _check_52(r1):\n        raise GiveUp\n    f1 = r1\n    v = d.get('abbreviation', _MISSING)\n    if v is _MISSING:\n        f2 = _default_53\n    else:\n        n += 1\n        if v is None:\n            f2 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f2 = v\n    v = d.get('other_names', _MISSING)\n    if v is _MISSING:\n        f3 = _default_54\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_55(x):\n                raise GiveUp\n            x = x\n        f3 = tuple(v)\n    v = d.get('classification', _MISSING)\n    if v is _MISSING:\n        f4 = _default_56\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f4 = v\n    v = d.get('parent', _MISSING)\n    if v is _MISSING:\n        f5 = _default_57\n    else:\n        n += 1\n        if v is None:\n            f5 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_58(v):\n                    raise GiveUp\n                ids.add(v)\n            f5 = v\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f6 = _default_59\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_60(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f6 = tuple(v)\n    v = d.get('names', _MISSING)\n    if v is _MISSING:\n        f7 = _default_61\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f7 = tuple([load_LocalName(x, keys, ids, dates) for x in v])\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_70)\n    _set_71(o, f0)\n    _set_72(o, f1)\n    _set_73(o, f2)\n    _set_74(o, f3)\n    _set_75(o, f4)\n    _set_76(o, f5)\n    _set_77(o, f6)\n    _set_78(o, f7)\n    try:\n        _post_init_79(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Person': "def load_Person(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 2\n    try:\n        r0, r1 = _required_81(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_82(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str or not _check_83(r1):\n        raise GiveUp\n    f1 = r1\n    v = d.get('other_names', _MISSING)\n    if v is _MISSING:\n        f2 = _default_84\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_85(x):\n                raise GiveUp\n            x = x\n        f2 = tuple(v)\n    v = d.get('description', _MISSING)\n    if v is _MISSING:\n        f3 = _default_86\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f3 = v\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f4 = _default_87\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_88(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f4 = tuple(v)\n    v = d.get('names', _MISSING)\n    if v is _MISSING:\n        f5 = _default_89\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f5 = tuple([load_LocalName(x, keys, ids, dates) for x in v])\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_90)\n    _set_91(o, f0)\n    _set_92(o, f1)\n    _set_93(o, f2)\n    _set_94(o, f3)\n    _set_95(o, f4)\n    _set_96(o, f5)\n    try:\n        _post_init_97(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Place': "def load_Place(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 3\n    try:\n        r0, r1, r2 = _required_105(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str or not _check_106(r0):\n        raise GiveUp\n    f0 = r0\n    if type(r1) is not str or _problem_107(r1) is not None:\n        raise GiveUp\n    f1 = r1\n    if type(r2) is not str or _problem_108(r2) is not None:\n        raise GiveUp\n    f2 = r2\n    v = d.get('names', _MISSING)\n    if v is _MISSING:\n        f3 = _default_109\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f3 = tuple([load_LocalName(x, keys, ids, dates) for x in v])\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_110)\n    _set_111(o, f0)\n    _set_112(o, f1)\n    _set_113(o, f2)\n    _set_114(o, f3)\n    try:\n        _post_init_115(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Participant': "def load_Participant(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 1\n    try:\n        r0 = _required_119(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str or not _check_120(r0):\n        raise GiveUp\n    f0 = r0\n    v = d.get('person', _MISSING)\n    if v is _MISSING:\n        f1 = _default_121\n    else:\n        n += 1\n        if v is None:\n            f1 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_122(v):\n                    raise GiveUp\n                ids.add(v)\n            f1 = v\n    v = d.get('organization', _MISSING)\n    if v is _MISSING:\n        f2 = _default_123\n    else:\n        n += 1\n        if v is None:\n            f2 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_124(v):\n                    raise GiveUp\n                ids.add(v)\n            f2 = v\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_125)\n    _set_126(o, f0)\n    _set_127(o, f1)\n    _set_128(o, f2)\n    try:\n        _post_init_129(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Meeting': "def load_Meeting(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 4\n    try:\n        r0, r1, r2, r3 = _required_99(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_100(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str or not _check_101(r1):\n        raise GiveUp\n    f1 = r1\n    if type(r2) is not str:\n        raise GiveUp\n    f2 = _enum_102.get(r2)\n    if f2 is None:\n        raise GiveUp\n    if type(r3) is not str:\n        raise GiveUp\n    f3 = dates.get(r3)\n    if f3 is None:\n        f3 = _partial(r3)\n        if f3 is None:\n            raise GiveUp\n        dates[r3] = f3\n    v = d.get('ends_on', _MISSING)\n    if v is _MISSING:\n        f4 = _default_103\n    else:\n        n += 1\n        if v is None:\n            f4 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f4 = dates.get(v)\n            if f4 is None:\n                f4 = _partial(v)\n                if f4 is None:\n                    raise GiveUp\n                dates[v] = f4\n    v = d.get('place', _MISSING)\n    if v is _MISSING:\n        f5 = _default_104\n    else:\n        n += 1\n        if v is None:\n            f5 = None\n        else:\n            f5 = load_Place(v, keys, ids, dates)\n    v = d.get('organizer', _MISSING)\n    if v is _MISSING:\n        f6 = _default_116\n    else:\n        n += 1\n        if v is None:\n            f6 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_117(v):\n                    raise GiveUp\n                ids.add(v)\n            f6 = v\n    v = d.get('participants', _MISSING)\n    if v is _MISSING:\n        f7 = _default_118\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f7 = tuple([load_Participant(x, keys, ids, dates) for x in v])\n    v = d.get('decisions', _MISSING)\n    if v is _MISSING:\n        f8 = _default_130\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_131(x):\n                raise GiveUp\n            x = x\n        f8 = tuple(v)\n    v = d.get('description', _MISSING)\n    if v is _MISSING:\n        f9 = _default_132\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f9 = v\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f10 = _default_133\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_134(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f10 = tuple(v)\n    v = d.get('status', _MISSING)\n    if v is _MISSING:\n        f11 = _default_135\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f11 = _enum_136.get(v)\n        if f11 is None:\n            raise GiveUp\n    v = d.get('announced_on', _MISSING)\n    if v is _MISSING:\n        f12 = _default_137\n    else:\n        n += 1\n        if v is None:\n            f12 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f12 = dates.get(v)\n            if f12 is None:\n                f12 = _partial(v)\n                if f12 is None:\n                    raise GiveUp\n                dates[v] = f12\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_138)\n    _set_139(o, f0)\n    _set_140(o, f1)\n    _set_141(o, f2)\n    _set_142(o, f3)\n    _set_143(o, f4)\n    _set_144(o, f5)\n    _set_145(o, f6)\n    _set_146(o, f7)\n    _set_147(o, f8)\n    _set_148(o, f9)\n    _set_149(o, f10)\n    _set_150(o, f11)\n    _set_151(o, f12)\n    try:\n        _post_init_152(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Statement': "def load_Statement(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 6\n    try:\n        r0, r1, r2, r3, r4, r5 = _required_154(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_155(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str:\n        raise GiveUp\n    if r1 not in ids:\n        if not _id_match_156(r1):\n            raise GiveUp\n        ids.add(r1)\n    f1 = r1\n    if type(r2) is not str or not _check_157(r2):\n        raise GiveUp\n    f2 = r2\n    if type(r3) is not str:\n        raise GiveUp\n    f3 = dates.get(r3)\n    if f3 is None:\n        f3 = _partial(r3)\n        if f3 is None:\n            raise GiveUp\n        dates[r3] = f3\n    if type(r4) is not str or not _check_158(r4):\n        raise GiveUp\n    f4 = r4\n    if type(r5) is not str:\n        raise GiveUp\n    f5 = _enum_159.get(r5)\n    if f5 is None:\n        raise GiveUp\n    v = d.get('language', _MISSING)\n    if v is _MISSING:\n        f6 = _default_160\n    else:\n        n += 1\n        if type(v) is not str or _problem_161(v) is not None:\n            raise GiveUp\n        f6 = v\n    v = d.get('on_behalf_of', _MISSING)\n    if v is _MISSING:\n        f7 = _default_162\n    else:\n        n += 1\n        if v is None:\n            f7 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_163(v):\n                    raise GiveUp\n                ids.add(v)\n            f7 = v\n    v = d.get('meeting', _MISSING)\n    if v is _MISSING:\n        f8 = _default_164\n    else:\n        n += 1\n        if v is None:\n            f8 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_165(v):\n                    raise GiveUp\n                ids.add(v)\n            f8 = v\n    v = d.get('stages', _MISSING)\n    if v is _MISSING:\n        f9 = _default_166\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not int or x < 1:\n                raise GiveUp\n            x = x\n        f9 = tuple(v)\n        if len(set(f9)) != len(f9):\n            raise GiveUp\n    v = d.get('topics', _MISSING)\n    if v is _MISSING:\n        f10 = _default_167\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_168(x):\n                raise GiveUp\n            x = x\n        f10 = tuple(v)\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f11 = _default_169\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_170(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f11 = tuple(v)\n    v = d.get('note', _MISSING)\n    if v is _MISSING:\n        f12 = _default_171\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f12 = v\n    v = d.get('original', _MISSING)\n    if v is _MISSING:\n        f13 = _default_172\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_173(x):\n                raise GiveUp\n            x = x\n        f13 = tuple(v)\n    v = d.get('original_language', _MISSING)\n    if v is _MISSING:\n        f14 = _default_174\n    else:\n        n += 1\n        if v is None:\n            f14 = None\n        else:\n            if type(v) is not str or _problem_175(v) is not None:\n                raise GiveUp\n            f14 = v\n    v = d.get('original_fragments', _MISSING)\n    if v is _MISSING:\n        f15 = _default_176\n    else:\n        n += 1\n        if type(v) is not bool:\n            raise GiveUp\n        f15 = v\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_177)\n    _set_178(o, f0)\n    _set_179(o, f1)\n    _set_180(o, f2)\n    _set_181(o, f3)\n    _set_182(o, f4)\n    _set_183(o, f5)\n    _set_184(o, f6)\n    _set_185(o, f7)\n    _set_186(o, f8)\n    _set_187(o, f9)\n    _set_188(o, f10)\n    _set_189(o, f11)\n    _set_190(o, f12)\n    _set_191(o, f13)\n    _set_192(o, f14)\n    _set_193(o, f15)\n    try:\n        _post_init_194(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_ProgressReport': "def load_ProgressReport(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 4\n    try:\n        r0, r1, r2, r3 = _required_196(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_197(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not int or r1 < 1:\n        raise GiveUp\n    f1 = r1\n    if type(r2) is not str:\n        raise GiveUp\n    f2 = _enum_198.get(r2)\n    if f2 is None:\n        raise GiveUp\n    if type(r3) is not str:\n        raise GiveUp\n    f3 = dates.get(r3)\n    if f3 is None:\n        f3 = _partial(r3)\n        if f3 is None:\n            raise GiveUp\n        dates[r3] = f3\n    v = d.get('as_of', _MISSING)\n    if v is _MISSING:\n        f4 = _default_199\n    else:\n        n += 1\n        if v is None:\n            f4 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f4 = dates.get(v)\n            if f4 is None:\n                f4 = _partial(v)\n                if f4 is None:\n                    raise GiveUp\n                dates[v] = f4\n    v = d.get('statement', _MISSING)\n    if v is _MISSING:\n        f5 = _default_200\n    else:\n        n += 1\n        if v is None:\n            f5 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_201(v):\n                    raise GiveUp\n                ids.add(v)\n            f5 = v\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f6 = _default_202\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_203(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f6 = tuple(v)\n    v = d.get('note', _MISSING)\n    if v is _MISSING:\n        f7 = _default_204\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f7 = v\n    v = d.get('inferred', _MISSING)\n    if v is _MISSING:\n        f8 = _default_205\n    else:\n        n += 1\n        if type(v) is not bool:\n            raise GiveUp\n        f8 = v\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_206)\n    _set_207(o, f0)\n    _set_208(o, f1)\n    _set_209(o, f2)\n    _set_210(o, f3)\n    _set_211(o, f4)\n    _set_212(o, f5)\n    _set_213(o, f6)\n    _set_214(o, f7)\n    _set_215(o, f8)\n    return o\n",
    'load_Source': "def load_Source(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 2\n    try:\n        r0, r1 = _required_217(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_218(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str or not _check_219(r1):\n        raise GiveUp\n    f1 = r1\n    v = d.get('url', _MISSING)\n    if v is _MISSING:\n        f2 = _default_220\n    else:\n        n += 1\n        if v is None:\n            f2 = None\n        else:\n            if type(v) is not str or _problem_221(v) is not None:\n                raise GiveUp\n            f2 = v\n    v = d.get('published_on', _MISSING)\n    if v is _MISSING:\n        f3 = _default_222\n    else:\n        n += 1\n        if v is None:\n            f3 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f3 = dates.get(v)\n            if f3 is None:\n                f3 = _partial(v)\n                if f3 is None:\n                    raise GiveUp\n                dates[v] = f3\n    v = d.get('kind', _MISSING)\n    if v is _MISSING:\n        f4 = _default_223\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f4 = _enum_224.get(v)\n        if f4 is None:\n            raise GiveUp\n    v = d.get('title', _MISSING)\n    if v is _MISSING:\n        f5 = _default_225\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f5 = v\n    v = d.get('language', _MISSING)\n    if v is _MISSING:\n        f6 = _default_226\n    else:\n        n += 1\n        if v is None:\n            f6 = None\n        else:\n            if type(v) is not str or _problem_227(v) is not None:\n                raise GiveUp\n            f6 = v\n    v = d.get('via', _MISSING)\n    if v is _MISSING:\n        f7 = _default_228\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_229(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f7 = tuple(v)\n    v = d.get('note', _MISSING)\n    if v is _MISSING:\n        f8 = _default_230\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f8 = v\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_231)\n    _set_232(o, f0)\n    _set_233(o, f1)\n    _set_234(o, f2)\n    _set_235(o, f3)\n    _set_236(o, f4)\n    _set_237(o, f5)\n    _set_238(o, f6)\n    _set_239(o, f7)\n    _set_240(o, f8)\n    try:\n        _post_init_241(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
    'load_Note': "def load_Note(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 3\n    try:\n        r0, r1, r2 = _required_243(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_244(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str:\n        raise GiveUp\n    f1 = _enum_245.get(r1)\n    if f1 is None:\n        raise GiveUp\n    if type(r2) is not str or not _check_246(r2):\n        raise GiveUp\n    f2 = r2\n    v = d.get('about', _MISSING)\n    if v is _MISSING:\n        f3 = _default_247\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_248(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f3 = tuple(v)\n    v = d.get('stated', _MISSING)\n    if v is _MISSING:\n        f4 = _default_249\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f4 = v\n    v = d.get('resolved', _MISSING)\n    if v is _MISSING:\n        f5 = _default_250\n    else:\n        n += 1\n        if v is None:\n            f5 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f5 = dates.get(v)\n            if f5 is None:\n                f5 = _partial(v)\n                if f5 is None:\n                    raise GiveUp\n                dates[v] = f5\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f6 = _default_251\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str:\n                raise GiveUp\n            if x not in ids:\n                if not _id_match_252(x):\n                    raise GiveUp\n                ids.add(x)\n            x = x\n        f6 = tuple(v)\n    v = d.get('noted_on', _MISSING)\n    if v is _MISSING:\n        f7 = _default_253\n    else:\n        n += 1\n        if v is None:\n            f7 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f7 = dates.get(v)\n            if f7 is None:\n                f7 = _partial(v)\n                if f7 is None:\n                    raise GiveUp\n                dates[v] = f7\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_254)\n    _set_255(o, f0)\n    _set_256(o, f1)\n    _set_257(o, f2)\n    _set_258(o, f3)\n    _set_259(o, f4)\n    _set_260(o, f5)\n    _set_261(o, f6)\n    _set_262(o, f7)\n    return o\n",
    'load_Program': "def load_Program(d, keys, ids, dates):\n    if type(d) is not dict:\n        raise GiveUp\n    n = 4\n    try:\n        r0, r1, r2, r3 = _required_1(d)\n    except KeyError:\n        raise GiveUp\n    if type(r0) is not str:\n        raise GiveUp\n    if r0 not in ids:\n        if not _id_match_2(r0):\n            raise GiveUp\n        ids.add(r0)\n    f0 = r0\n    if type(r1) is not str or not _check_3(r1):\n        raise GiveUp\n    f1 = r1\n    f2 = _date(r2)\n    if f2 is None:\n        raise GiveUp\n    if type(r3) is not list:\n        raise GiveUp\n    f3 = tuple([load_Plan(x, keys, ids, dates) for x in r3])\n    if len(f3) < 1:\n        raise GiveUp\n    v = d.get('other_names', _MISSING)\n    if v is _MISSING:\n        f4 = _default_41\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        for x in v:\n            if type(x) is not str or not _check_42(x):\n                raise GiveUp\n            x = x\n        f4 = tuple(v)\n    v = d.get('description', _MISSING)\n    if v is _MISSING:\n        f5 = _default_43\n    else:\n        n += 1\n        if type(v) is not str:\n            raise GiveUp\n        f5 = v\n    v = d.get('decided_on', _MISSING)\n    if v is _MISSING:\n        f6 = _default_44\n    else:\n        n += 1\n        if v is None:\n            f6 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            f6 = dates.get(v)\n            if f6 is None:\n                f6 = _partial(v)\n                if f6 is None:\n                    raise GiveUp\n                dates[v] = f6\n    v = d.get('organization', _MISSING)\n    if v is _MISSING:\n        f7 = _default_45\n    else:\n        n += 1\n        if v is None:\n            f7 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_46(v):\n                    raise GiveUp\n                ids.add(v)\n            f7 = v\n    v = d.get('beneficiary', _MISSING)\n    if v is _MISSING:\n        f8 = _default_47\n    else:\n        n += 1\n        if v is None:\n            f8 = None\n        else:\n            if type(v) is not str:\n                raise GiveUp\n            if v not in ids:\n                if not _id_match_48(v):\n                    raise GiveUp\n                ids.add(v)\n            f8 = v\n    v = d.get('organizations', _MISSING)\n    if v is _MISSING:\n        f9 = _default_49\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f9 = tuple([load_Organization(x, keys, ids, dates) for x in v])\n    v = d.get('people', _MISSING)\n    if v is _MISSING:\n        f10 = _default_80\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f10 = tuple([load_Person(x, keys, ids, dates) for x in v])\n    v = d.get('meetings', _MISSING)\n    if v is _MISSING:\n        f11 = _default_98\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f11 = tuple([load_Meeting(x, keys, ids, dates) for x in v])\n    v = d.get('statements', _MISSING)\n    if v is _MISSING:\n        f12 = _default_153\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f12 = tuple([load_Statement(x, keys, ids, dates) for x in v])\n    v = d.get('reports', _MISSING)\n    if v is _MISSING:\n        f13 = _default_195\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f13 = tuple([load_ProgressReport(x, keys, ids, dates) for x in v])\n    v = d.get('sources', _MISSING)\n    if v is _MISSING:\n        f14 = _default_216\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f14 = tuple([load_Source(x, keys, ids, dates) for x in v])\n    v = d.get('notes', _MISSING)\n    if v is _MISSING:\n        f15 = _default_242\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f15 = tuple([load_Note(x, keys, ids, dates) for x in v])\n    v = d.get('names', _MISSING)\n    if v is _MISSING:\n        f16 = _default_263\n    else:\n        n += 1\n        if type(v) is not list:\n            raise GiveUp\n        f16 = tuple([load_LocalName(x, keys, ids, dates) for x in v])\n    if len(d) != n:\n        raise GiveUp\n    keys[0] += n\n    o = _new(_cls_264)\n    _set_265(o, f0)\n    _set_266(o, f1)\n    _set_267(o, f2)\n    _set_268(o, f3)\n    _set_269(o, f4)\n    _set_270(o, f5)\n    _set_271(o, f6)\n    _set_272(o, f7)\n    _set_273(o, f8)\n    _set_274(o, f9)\n    _set_275(o, f10)\n    _set_276(o, f11)\n    _set_277(o, f12)\n    _set_278(o, f13)\n    _set_279(o, f14)\n    _set_280(o, f15)\n    _set_281(o, f16)\n    try:\n        _post_init_282(o)\n    except _DataProblem:\n        raise GiveUp\n    return o\n",
}


def load_Stage(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 4
    try:
        r0, r1, r2, r3 = _required_6(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not int or r0 < 1:
        raise GiveUp
    f0 = r0
    if type(r1) is not str or not _check_7(r1):
        raise GiveUp
    f1 = r1
    f2 = _date(r2)
    if f2 is None:
        raise GiveUp
    f3 = _date(r3)
    if f3 is None:
        raise GiveUp
    v = d.get('tasks', _MISSING)
    if v is _MISSING:
        f4 = _default_8
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_9(x):
                raise GiveUp
            x = x
        f4 = tuple(v)
    v = d.get('description', _MISSING)
    if v is _MISSING:
        f5 = _default_10
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f5 = v
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f6 = _default_11
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_12(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f6 = tuple(v)
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_13)
    _set_14(o, f0)
    _set_15(o, f1)
    _set_16(o, f2)
    _set_17(o, f3)
    _set_18(o, f4)
    _set_19(o, f5)
    _set_20(o, f6)
    try:
        _post_init_21(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Plan(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 4
    try:
        r0, r1, r2, r3 = _required_4(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_5(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str:
        raise GiveUp
    f1 = dates.get(r1)
    if f1 is None:
        f1 = _partial(r1)
        if f1 is None:
            raise GiveUp
        dates[r1] = f1
    f2 = _date(r2)
    if f2 is None:
        raise GiveUp
    if type(r3) is not list:
        raise GiveUp
    f3 = tuple([load_Stage(x, keys, ids, dates) for x in r3])
    if len(f3) < 1:
        raise GiveUp
    v = d.get('term_months', _MISSING)
    if v is _MISSING:
        f4 = _default_22
    else:
        n += 1
        if type(v) is not int or v < 1:
            raise GiveUp
        f4 = v
    v = d.get('first_stage_months', _MISSING)
    if v is _MISSING:
        f5 = _default_23
    else:
        n += 1
        if v is None:
            f5 = None
        else:
            if type(v) is not int or v < 1:
                raise GiveUp
            f5 = v
    v = d.get('basis', _MISSING)
    if v is _MISSING:
        f6 = _default_24
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f6 = v
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f7 = _default_25
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_26(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f7 = tuple(v)
    v = d.get('note', _MISSING)
    if v is _MISSING:
        f8 = _default_27
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f8 = v
    v = d.get('inferred', _MISSING)
    if v is _MISSING:
        f9 = _default_28
    else:
        n += 1
        if type(v) is not bool:
            raise GiveUp
        f9 = v
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_29)
    _set_30(o, f0)
    _set_31(o, f1)
    _set_32(o, f2)
    _set_33(o, f3)
    _set_34(o, f4)
    _set_35(o, f5)
    _set_36(o, f6)
    _set_37(o, f7)
    _set_38(o, f8)
    _set_39(o, f9)
    try:
        _post_init_40(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_LocalName(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 2
    try:
        r0, r1 = _required_62(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str or _problem_63(r0) is not None:
        raise GiveUp
    f0 = r0
    if type(r1) is not str or not _check_64(r1):
        raise GiveUp
    f1 = r1
    v = d.get('abbreviation', _MISSING)
    if v is _MISSING:
        f2 = _default_65
    else:
        n += 1
        if v is None:
            f2 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f2 = v
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_66)
    _set_67(o, f0)
    _set_68(o, f1)
    _set_69(o, f2)
    return o


def load_Organization(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 2
    try:
        r0, r1 = _required_50(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_51(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str or not _check_52(r1):
        raise GiveUp
    f1 = r1
    v = d.get('abbreviation', _MISSING)
    if v is _MISSING:
        f2 = _default_53
    else:
        n += 1
        if v is None:
            f2 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f2 = v
    v = d.get('other_names', _MISSING)
    if v is _MISSING:
        f3 = _default_54
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_55(x):
                raise GiveUp
            x = x
        f3 = tuple(v)
    v = d.get('classification', _MISSING)
    if v is _MISSING:
        f4 = _default_56
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f4 = v
    v = d.get('parent', _MISSING)
    if v is _MISSING:
        f5 = _default_57
    else:
        n += 1
        if v is None:
            f5 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_58(v):
                    raise GiveUp
                ids.add(v)
            f5 = v
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f6 = _default_59
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_60(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f6 = tuple(v)
    v = d.get('names', _MISSING)
    if v is _MISSING:
        f7 = _default_61
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f7 = tuple([load_LocalName(x, keys, ids, dates) for x in v])
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_70)
    _set_71(o, f0)
    _set_72(o, f1)
    _set_73(o, f2)
    _set_74(o, f3)
    _set_75(o, f4)
    _set_76(o, f5)
    _set_77(o, f6)
    _set_78(o, f7)
    try:
        _post_init_79(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Person(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 2
    try:
        r0, r1 = _required_81(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_82(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str or not _check_83(r1):
        raise GiveUp
    f1 = r1
    v = d.get('other_names', _MISSING)
    if v is _MISSING:
        f2 = _default_84
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_85(x):
                raise GiveUp
            x = x
        f2 = tuple(v)
    v = d.get('description', _MISSING)
    if v is _MISSING:
        f3 = _default_86
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f3 = v
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f4 = _default_87
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_88(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f4 = tuple(v)
    v = d.get('names', _MISSING)
    if v is _MISSING:
        f5 = _default_89
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f5 = tuple([load_LocalName(x, keys, ids, dates) for x in v])
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_90)
    _set_91(o, f0)
    _set_92(o, f1)
    _set_93(o, f2)
    _set_94(o, f3)
    _set_95(o, f4)
    _set_96(o, f5)
    try:
        _post_init_97(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Place(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 3
    try:
        r0, r1, r2 = _required_105(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str or not _check_106(r0):
        raise GiveUp
    f0 = r0
    if type(r1) is not str or _problem_107(r1) is not None:
        raise GiveUp
    f1 = r1
    if type(r2) is not str or _problem_108(r2) is not None:
        raise GiveUp
    f2 = r2
    v = d.get('names', _MISSING)
    if v is _MISSING:
        f3 = _default_109
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f3 = tuple([load_LocalName(x, keys, ids, dates) for x in v])
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_110)
    _set_111(o, f0)
    _set_112(o, f1)
    _set_113(o, f2)
    _set_114(o, f3)
    try:
        _post_init_115(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Participant(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 1
    try:
        r0 = _required_119(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str or not _check_120(r0):
        raise GiveUp
    f0 = r0
    v = d.get('person', _MISSING)
    if v is _MISSING:
        f1 = _default_121
    else:
        n += 1
        if v is None:
            f1 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_122(v):
                    raise GiveUp
                ids.add(v)
            f1 = v
    v = d.get('organization', _MISSING)
    if v is _MISSING:
        f2 = _default_123
    else:
        n += 1
        if v is None:
            f2 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_124(v):
                    raise GiveUp
                ids.add(v)
            f2 = v
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_125)
    _set_126(o, f0)
    _set_127(o, f1)
    _set_128(o, f2)
    try:
        _post_init_129(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Meeting(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 4
    try:
        r0, r1, r2, r3 = _required_99(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_100(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str or not _check_101(r1):
        raise GiveUp
    f1 = r1
    if type(r2) is not str:
        raise GiveUp
    f2 = _enum_102.get(r2)
    if f2 is None:
        raise GiveUp
    if type(r3) is not str:
        raise GiveUp
    f3 = dates.get(r3)
    if f3 is None:
        f3 = _partial(r3)
        if f3 is None:
            raise GiveUp
        dates[r3] = f3
    v = d.get('ends_on', _MISSING)
    if v is _MISSING:
        f4 = _default_103
    else:
        n += 1
        if v is None:
            f4 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f4 = dates.get(v)
            if f4 is None:
                f4 = _partial(v)
                if f4 is None:
                    raise GiveUp
                dates[v] = f4
    v = d.get('place', _MISSING)
    if v is _MISSING:
        f5 = _default_104
    else:
        n += 1
        if v is None:
            f5 = None
        else:
            f5 = load_Place(v, keys, ids, dates)
    v = d.get('organizer', _MISSING)
    if v is _MISSING:
        f6 = _default_116
    else:
        n += 1
        if v is None:
            f6 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_117(v):
                    raise GiveUp
                ids.add(v)
            f6 = v
    v = d.get('participants', _MISSING)
    if v is _MISSING:
        f7 = _default_118
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f7 = tuple([load_Participant(x, keys, ids, dates) for x in v])
    v = d.get('decisions', _MISSING)
    if v is _MISSING:
        f8 = _default_130
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_131(x):
                raise GiveUp
            x = x
        f8 = tuple(v)
    v = d.get('description', _MISSING)
    if v is _MISSING:
        f9 = _default_132
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f9 = v
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f10 = _default_133
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_134(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f10 = tuple(v)
    v = d.get('status', _MISSING)
    if v is _MISSING:
        f11 = _default_135
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f11 = _enum_136.get(v)
        if f11 is None:
            raise GiveUp
    v = d.get('announced_on', _MISSING)
    if v is _MISSING:
        f12 = _default_137
    else:
        n += 1
        if v is None:
            f12 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f12 = dates.get(v)
            if f12 is None:
                f12 = _partial(v)
                if f12 is None:
                    raise GiveUp
                dates[v] = f12
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_138)
    _set_139(o, f0)
    _set_140(o, f1)
    _set_141(o, f2)
    _set_142(o, f3)
    _set_143(o, f4)
    _set_144(o, f5)
    _set_145(o, f6)
    _set_146(o, f7)
    _set_147(o, f8)
    _set_148(o, f9)
    _set_149(o, f10)
    _set_150(o, f11)
    _set_151(o, f12)
    try:
        _post_init_152(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Statement(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 6
    try:
        r0, r1, r2, r3, r4, r5 = _required_154(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_155(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str:
        raise GiveUp
    if r1 not in ids:
        if not _id_match_156(r1):
            raise GiveUp
        ids.add(r1)
    f1 = r1
    if type(r2) is not str or not _check_157(r2):
        raise GiveUp
    f2 = r2
    if type(r3) is not str:
        raise GiveUp
    f3 = dates.get(r3)
    if f3 is None:
        f3 = _partial(r3)
        if f3 is None:
            raise GiveUp
        dates[r3] = f3
    if type(r4) is not str or not _check_158(r4):
        raise GiveUp
    f4 = r4
    if type(r5) is not str:
        raise GiveUp
    f5 = _enum_159.get(r5)
    if f5 is None:
        raise GiveUp
    v = d.get('language', _MISSING)
    if v is _MISSING:
        f6 = _default_160
    else:
        n += 1
        if type(v) is not str or _problem_161(v) is not None:
            raise GiveUp
        f6 = v
    v = d.get('on_behalf_of', _MISSING)
    if v is _MISSING:
        f7 = _default_162
    else:
        n += 1
        if v is None:
            f7 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_163(v):
                    raise GiveUp
                ids.add(v)
            f7 = v
    v = d.get('meeting', _MISSING)
    if v is _MISSING:
        f8 = _default_164
    else:
        n += 1
        if v is None:
            f8 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_165(v):
                    raise GiveUp
                ids.add(v)
            f8 = v
    v = d.get('stages', _MISSING)
    if v is _MISSING:
        f9 = _default_166
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not int or x < 1:
                raise GiveUp
            x = x
        f9 = tuple(v)
        if len(set(f9)) != len(f9):
            raise GiveUp
    v = d.get('topics', _MISSING)
    if v is _MISSING:
        f10 = _default_167
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_168(x):
                raise GiveUp
            x = x
        f10 = tuple(v)
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f11 = _default_169
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_170(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f11 = tuple(v)
    v = d.get('note', _MISSING)
    if v is _MISSING:
        f12 = _default_171
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f12 = v
    v = d.get('original', _MISSING)
    if v is _MISSING:
        f13 = _default_172
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_173(x):
                raise GiveUp
            x = x
        f13 = tuple(v)
    v = d.get('original_language', _MISSING)
    if v is _MISSING:
        f14 = _default_174
    else:
        n += 1
        if v is None:
            f14 = None
        else:
            if type(v) is not str or _problem_175(v) is not None:
                raise GiveUp
            f14 = v
    v = d.get('original_fragments', _MISSING)
    if v is _MISSING:
        f15 = _default_176
    else:
        n += 1
        if type(v) is not bool:
            raise GiveUp
        f15 = v
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_177)
    _set_178(o, f0)
    _set_179(o, f1)
    _set_180(o, f2)
    _set_181(o, f3)
    _set_182(o, f4)
    _set_183(o, f5)
    _set_184(o, f6)
    _set_185(o, f7)
    _set_186(o, f8)
    _set_187(o, f9)
    _set_188(o, f10)
    _set_189(o, f11)
    _set_190(o, f12)
    _set_191(o, f13)
    _set_192(o, f14)
    _set_193(o, f15)
    try:
        _post_init_194(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_ProgressReport(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 4
    try:
        r0, r1, r2, r3 = _required_196(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_197(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not int or r1 < 1:
        raise GiveUp
    f1 = r1
    if type(r2) is not str:
        raise GiveUp
    f2 = _enum_198.get(r2)
    if f2 is None:
        raise GiveUp
    if type(r3) is not str:
        raise GiveUp
    f3 = dates.get(r3)
    if f3 is None:
        f3 = _partial(r3)
        if f3 is None:
            raise GiveUp
        dates[r3] = f3
    v = d.get('as_of', _MISSING)
    if v is _MISSING:
        f4 = _default_199
    else:
        n += 1
        if v is None:
            f4 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f4 = dates.get(v)
            if f4 is None:
                f4 = _partial(v)
                if f4 is None:
                    raise GiveUp
                dates[v] = f4
    v = d.get('statement', _MISSING)
    if v is _MISSING:
        f5 = _default_200
    else:
        n += 1
        if v is None:
            f5 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_201(v):
                    raise GiveUp
                ids.add(v)
            f5 = v
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f6 = _default_202
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_203(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f6 = tuple(v)
    v = d.get('note', _MISSING)
    if v is _MISSING:
        f7 = _default_204
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f7 = v
    v = d.get('inferred', _MISSING)
    if v is _MISSING:
        f8 = _default_205
    else:
        n += 1
        if type(v) is not bool:
            raise GiveUp
        f8 = v
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_206)
    _set_207(o, f0)
    _set_208(o, f1)
    _set_209(o, f2)
    _set_210(o, f3)
    _set_211(o, f4)
    _set_212(o, f5)
    _set_213(o, f6)
    _set_214(o, f7)
    _set_215(o, f8)
    return o


def load_Source(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 2
    try:
        r0, r1 = _required_217(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_218(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str or not _check_219(r1):
        raise GiveUp
    f1 = r1
    v = d.get('url', _MISSING)
    if v is _MISSING:
        f2 = _default_220
    else:
        n += 1
        if v is None:
            f2 = None
        else:
            if type(v) is not str or _problem_221(v) is not None:
                raise GiveUp
            f2 = v
    v = d.get('published_on', _MISSING)
    if v is _MISSING:
        f3 = _default_222
    else:
        n += 1
        if v is None:
            f3 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f3 = dates.get(v)
            if f3 is None:
                f3 = _partial(v)
                if f3 is None:
                    raise GiveUp
                dates[v] = f3
    v = d.get('kind', _MISSING)
    if v is _MISSING:
        f4 = _default_223
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f4 = _enum_224.get(v)
        if f4 is None:
            raise GiveUp
    v = d.get('title', _MISSING)
    if v is _MISSING:
        f5 = _default_225
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f5 = v
    v = d.get('language', _MISSING)
    if v is _MISSING:
        f6 = _default_226
    else:
        n += 1
        if v is None:
            f6 = None
        else:
            if type(v) is not str or _problem_227(v) is not None:
                raise GiveUp
            f6 = v
    v = d.get('via', _MISSING)
    if v is _MISSING:
        f7 = _default_228
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_229(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f7 = tuple(v)
    v = d.get('note', _MISSING)
    if v is _MISSING:
        f8 = _default_230
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f8 = v
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_231)
    _set_232(o, f0)
    _set_233(o, f1)
    _set_234(o, f2)
    _set_235(o, f3)
    _set_236(o, f4)
    _set_237(o, f5)
    _set_238(o, f6)
    _set_239(o, f7)
    _set_240(o, f8)
    try:
        _post_init_241(o)
    except _DataProblem:
        raise GiveUp
    return o


def load_Note(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 3
    try:
        r0, r1, r2 = _required_243(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_244(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str:
        raise GiveUp
    f1 = _enum_245.get(r1)
    if f1 is None:
        raise GiveUp
    if type(r2) is not str or not _check_246(r2):
        raise GiveUp
    f2 = r2
    v = d.get('about', _MISSING)
    if v is _MISSING:
        f3 = _default_247
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_248(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f3 = tuple(v)
    v = d.get('stated', _MISSING)
    if v is _MISSING:
        f4 = _default_249
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f4 = v
    v = d.get('resolved', _MISSING)
    if v is _MISSING:
        f5 = _default_250
    else:
        n += 1
        if v is None:
            f5 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f5 = dates.get(v)
            if f5 is None:
                f5 = _partial(v)
                if f5 is None:
                    raise GiveUp
                dates[v] = f5
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f6 = _default_251
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str:
                raise GiveUp
            if x not in ids:
                if not _id_match_252(x):
                    raise GiveUp
                ids.add(x)
            x = x
        f6 = tuple(v)
    v = d.get('noted_on', _MISSING)
    if v is _MISSING:
        f7 = _default_253
    else:
        n += 1
        if v is None:
            f7 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f7 = dates.get(v)
            if f7 is None:
                f7 = _partial(v)
                if f7 is None:
                    raise GiveUp
                dates[v] = f7
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_254)
    _set_255(o, f0)
    _set_256(o, f1)
    _set_257(o, f2)
    _set_258(o, f3)
    _set_259(o, f4)
    _set_260(o, f5)
    _set_261(o, f6)
    _set_262(o, f7)
    return o


def load_Program(d, keys, ids, dates):
    if type(d) is not dict:
        raise GiveUp
    n = 4
    try:
        r0, r1, r2, r3 = _required_1(d)
    except KeyError:
        raise GiveUp
    if type(r0) is not str:
        raise GiveUp
    if r0 not in ids:
        if not _id_match_2(r0):
            raise GiveUp
        ids.add(r0)
    f0 = r0
    if type(r1) is not str or not _check_3(r1):
        raise GiveUp
    f1 = r1
    f2 = _date(r2)
    if f2 is None:
        raise GiveUp
    if type(r3) is not list:
        raise GiveUp
    f3 = tuple([load_Plan(x, keys, ids, dates) for x in r3])
    if len(f3) < 1:
        raise GiveUp
    v = d.get('other_names', _MISSING)
    if v is _MISSING:
        f4 = _default_41
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        for x in v:
            if type(x) is not str or not _check_42(x):
                raise GiveUp
            x = x
        f4 = tuple(v)
    v = d.get('description', _MISSING)
    if v is _MISSING:
        f5 = _default_43
    else:
        n += 1
        if type(v) is not str:
            raise GiveUp
        f5 = v
    v = d.get('decided_on', _MISSING)
    if v is _MISSING:
        f6 = _default_44
    else:
        n += 1
        if v is None:
            f6 = None
        else:
            if type(v) is not str:
                raise GiveUp
            f6 = dates.get(v)
            if f6 is None:
                f6 = _partial(v)
                if f6 is None:
                    raise GiveUp
                dates[v] = f6
    v = d.get('organization', _MISSING)
    if v is _MISSING:
        f7 = _default_45
    else:
        n += 1
        if v is None:
            f7 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_46(v):
                    raise GiveUp
                ids.add(v)
            f7 = v
    v = d.get('beneficiary', _MISSING)
    if v is _MISSING:
        f8 = _default_47
    else:
        n += 1
        if v is None:
            f8 = None
        else:
            if type(v) is not str:
                raise GiveUp
            if v not in ids:
                if not _id_match_48(v):
                    raise GiveUp
                ids.add(v)
            f8 = v
    v = d.get('organizations', _MISSING)
    if v is _MISSING:
        f9 = _default_49
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f9 = tuple([load_Organization(x, keys, ids, dates) for x in v])
    v = d.get('people', _MISSING)
    if v is _MISSING:
        f10 = _default_80
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f10 = tuple([load_Person(x, keys, ids, dates) for x in v])
    v = d.get('meetings', _MISSING)
    if v is _MISSING:
        f11 = _default_98
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f11 = tuple([load_Meeting(x, keys, ids, dates) for x in v])
    v = d.get('statements', _MISSING)
    if v is _MISSING:
        f12 = _default_153
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f12 = tuple([load_Statement(x, keys, ids, dates) for x in v])
    v = d.get('reports', _MISSING)
    if v is _MISSING:
        f13 = _default_195
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f13 = tuple([load_ProgressReport(x, keys, ids, dates) for x in v])
    v = d.get('sources', _MISSING)
    if v is _MISSING:
        f14 = _default_216
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f14 = tuple([load_Source(x, keys, ids, dates) for x in v])
    v = d.get('notes', _MISSING)
    if v is _MISSING:
        f15 = _default_242
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f15 = tuple([load_Note(x, keys, ids, dates) for x in v])
    v = d.get('names', _MISSING)
    if v is _MISSING:
        f16 = _default_263
    else:
        n += 1
        if type(v) is not list:
            raise GiveUp
        f16 = tuple([load_LocalName(x, keys, ids, dates) for x in v])
    if len(d) != n:
        raise GiveUp
    keys[0] += n
    o = _new(_cls_264)
    _set_265(o, f0)
    _set_266(o, f1)
    _set_267(o, f2)
    _set_268(o, f3)
    _set_269(o, f4)
    _set_270(o, f5)
    _set_271(o, f6)
    _set_272(o, f7)
    _set_273(o, f8)
    _set_274(o, f9)
    _set_275(o, f10)
    _set_276(o, f11)
    _set_277(o, f12)
    _set_278(o, f13)
    _set_279(o, f14)
    _set_280(o, f15)
    _set_281(o, f16)
    try:
        _post_init_282(o)
    except _DataProblem:
        raise GiveUp
    return o
