#!/usr/bin/env python3
"""Writes a copy of Debian's libnode.so.108 that binds its PLT lazily.

Debian links libnode with -z now (BIND_NOW, full RELRO), so the loader resolves all ~30k of its
PLT slots at every start of every program, most of them for functions never called: about a third
of `nodus -e 0`'s instructions. This copy clears BIND_NOW / DF_1_NOW and ends the RELRO segment
before the GOT (the lazy resolver writes there), which is what a default (partial RELRO) build of
the same library would be. Everything else in the file is byte-for-byte the original.

usage: lazy_libnode.py IN OUT
"""
import struct
import sys

PT_DYNAMIC, PT_GNU_RELRO, PT_NULL = 2, 0x6474E552, 0
DT_NULL, DT_PLTGOT, DT_FLAGS, DT_FLAGS_1 = 0, 3, 30, 0x6FFFFFFB
DF_BIND_NOW, DF_1_NOW = 0x8, 0x1
PAGE = 0x1000


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
    off = dyn[3]
    while True:
        tag, val = struct.unpack_from('<qQ', data, off)
        if tag == DT_NULL:
            break
        if tag == DT_PLTGOT:
            pltgot = val
        elif tag == DT_FLAGS:
            struct.pack_into('<qQ', data, off, tag, val & ~DF_BIND_NOW)
        elif tag == DT_FLAGS_1:
            struct.pack_into('<qQ', data, off, tag, val & ~DF_1_NOW)
        off += 16
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
