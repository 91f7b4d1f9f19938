#!/usr/bin/env python3
"""Writes a copy of Debian's libnode.so.108 that is cheap to load.

Debian links libnode with -z now (BIND_NOW, full RELRO) and without -Bsymbolic, so at every start
of every program the loader resolves all ~30k of its PLT slots, most for functions never called,
and looks up by name ~30k symbols libnode itself defines: two thirds of `nodus -e 0`'s
instructions. This copy clears BIND_NOW / DF_1_NOW and ends the RELRO segment before the GOT (the
lazy resolver writes there), which is what a default (partial RELRO) build of the same library
would be, and turns relocations against its own symbols into relative ones (bind_own_symbols).
Everything else in the file is byte-for-byte the original.

usage: lazy_libnode.py IN OUT
"""
import struct
import sys

PT_DYNAMIC, PT_GNU_RELRO, PT_NULL = 2, 0x6474E552, 0
DT_NULL, DT_PLTGOT, DT_STRTAB, DT_SYMTAB, DT_RELA, DT_RELASZ = 0, 3, 5, 6, 7, 8
DT_FLAGS, DT_FLAGS_1 = 30, 0x6FFFFFFB
SHT_DYNSYM = 11
R_X86_64_64, R_X86_64_GLOB_DAT, R_X86_64_RELATIVE = 1, 6, 8
STB_GLOBAL, STB_WEAK, STT_OBJECT, STT_FUNC = 1, 2, 1, 2
DF_BIND_NOW, DF_1_NOW = 0x8, 0x1
PAGE = 0x1000


def to_offset(phdrs, vaddr):
    for (_, ptype, _, offset, pv, _, filesz, _, _) in phdrs:
        if ptype == 1 and pv <= vaddr < pv + filesz:
            return vaddr - pv + offset
    sys.exit(f'address {vaddr:#x} is in no loaded segment')


def bind_own_symbols(data, phdrs, dyn_values):
    """Data and GOT relocations against symbols libnode defines itself become RELATIVE ones: the
    loader then writes the address without looking the name up (what -Bsymbolic gives at link
    time). The lookup found those same definitions anyway: nodus links libnode before every other
    library and exports only Node-API, whose names (and unique symbols, IFUNCs, TLS) keep their
    lookup here."""
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', data, 0x3A)
    dynsym = None
    for i in range(shnum):
        sh = struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize)
        if sh[1] == SHT_DYNSYM:
            dynsym = (sh[4], sh[5] // 24)
    if dynsym is None or DT_RELA not in dyn_values:
        return
    symoff, nsyms = dynsym
    stroff = to_offset(phdrs, dyn_values[DT_STRTAB])
    rela = to_offset(phdrs, dyn_values[DT_RELA])
    end = rela + dyn_values[DT_RELASZ]
    for at in range(rela, end, 24):
        r_offset, r_info, r_addend = struct.unpack_from('<QQq', data, at)
        rtype, sym = r_info & 0xFFFFFFFF, r_info >> 32
        if rtype not in (R_X86_64_64, R_X86_64_GLOB_DAT) or sym == 0 or sym >= nsyms:
            continue
        st_name, st_info, _, st_shndx, st_value, _ = struct.unpack_from('<IBBHQQ', data, symoff + sym * 24)
        if st_shndx == 0 or st_info >> 4 not in (STB_GLOBAL, STB_WEAK) or st_info & 0xF not in (STT_OBJECT, STT_FUNC):
            continue
        name_end = data.index(b'\0', stroff + st_name)
        name = bytes(data[stroff + st_name:name_end])
        if name.startswith(b'napi_') or name.startswith(b'node_api_'):
            continue
        addend = st_value + (r_addend if rtype == R_X86_64_64 else 0)
        struct.pack_into('<QQq', data, at, r_offset, R_X86_64_RELATIVE, addend)


def main(src, dst):
    data = bytearray(open(src, 'rb').read())
    if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1:
        sys.exit(f'{src}: not a little-endian ELF64 file')
    phoff, = struct.unpack_from('<Q', data, 0x20)
    phentsize, phnum = struct.unpack_from('<HH', data, 0x36)
    phdrs = [(phoff + i * phentsize,) + struct.unpack_from('<IIQQQQQQ', data, phoff + i * phentsize)
             for i in range(phnum)]
    dyn = next((p for p in phdrs if p[1] == PT_DYNAMIC), None)
    if dyn is None:
        sys.exit(f'{src}: no dynamic segment')
    pltgot = None
    dyn_values = {}
    off = dyn[3]
    while True:
        tag, val = struct.unpack_from('<qQ', data, off)
        if tag == DT_NULL:
            break
        dyn_values[tag] = val
        if tag == DT_PLTGOT:
            pltgot = val
        elif tag == DT_FLAGS:
            struct.pack_into('<qQ', data, off, tag, val & ~DF_BIND_NOW)
        elif tag == DT_FLAGS_1:
            struct.pack_into('<qQ', data, off, tag, val & ~DF_1_NOW)
        off += 16
    bind_own_symbols(data, phdrs, dyn_values)
    if pltgot is None:
        sys.exit(f'{src}: no PLT GOT: nothing to bind lazily')
    for (at, ptype, flags, offset, vaddr, paddr, filesz, memsz, align) in phdrs:
        if ptype != PT_GNU_RELRO or vaddr + memsz <= pltgot:
            continue
        size = (pltgot & ~(PAGE - 1)) - vaddr
        if size <= 0:
            struct.pack_into('<I', data, at, PT_NULL)
        else:
            struct.pack_into('<QQ', data, at + 32, size, size)
    open(dst, 'wb').write(data)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
