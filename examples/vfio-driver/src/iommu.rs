//! A Type1-like IOMMU: the container file's map, unmap, info and dirty-page tracking.

use std::collections::BTreeSet;

use uabi::{decode_argsz, decode_payload, encode_argsz, encode_info, one_flag_of, UserMemory};
use uabi_linux::vfio::*;

use crate::device::{build_chain, info_caps, PAGE_SIZE};
use crate::error::{DriverError, Result};
use crate::Ctx;

/// Page sizes the IOMMU maps: 4 KiB, 2 MiB, 1 GiB.
pub const IOVA_PGSIZES: u64 = PAGE_SIZE | 1 << 21 | 1 << 30;
/// The MSI window, which no mapping may cover (x86's 0xfee00000..=0xfeefffff).
pub const MSI_WINDOW: VfioIovaRange = VfioIovaRange { start: 0xfee0_0000, end: 0xfeef_ffff };
/// The highest IOVA: a 48-bit address space.
pub const IOVA_END: u64 = (1 << 48) - 1;
/// How many mappings a container holds (Linux's `dma_entry_limit`, much smaller here so that
/// tests reach it).
pub const DMA_ENTRY_LIMIT: usize = 64;
/// The largest dirty bitmap one request may ask for, in bytes.
pub const MAX_DIRTY_BITMAP_SIZE: u64 = 1 << 20;

/// One DMA mapping, and the context (memory map) that created it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapping {
    pub iova: u64,
    pub size: u64,
    pub vaddr: u64,
    /// `VFIO_DMA_MAP_FLAG_READ` and/or `VFIO_DMA_MAP_FLAG_WRITE`.
    pub prot: u32,
    /// The context whose memory is mapped: whichever context issued the map call.
    pub mm: Ctx,
}

/// An IOMMU domain, as a container with the Type1 back end has one.
#[derive(Debug, Clone, Default)]
pub struct Iommu {
    pub mappings: Vec<Mapping>,
    /// Dirty-page logging is on.
    pub tracking: bool,
    /// Page numbers (iova / PAGE_SIZE) written by devices since logging started or was last
    /// reported.
    pub dirty: BTreeSet<u64>,
}

impl Iommu {
    /// Handles a Type1 container request; `None` when the request is not one.
    pub fn ioctl<M: UserMemory + ?Sized>(&mut self, ctx: Ctx, request: u32, mem: &mut M, arg: u64) -> Option<Result<u64>> {
        const GET_INFO: u32 = VFIO_IOMMU_GET_INFO.request();
        const MAP_DMA: u32 = VFIO_IOMMU_MAP_DMA.request();
        const UNMAP_DMA: u32 = VFIO_IOMMU_UNMAP_DMA.request();
        const DIRTY_PAGES: u32 = VFIO_IOMMU_DIRTY_PAGES.request();
        Some(match request {
            GET_INFO => self.get_info(mem, arg),
            MAP_DMA => self.map(ctx, mem, arg),
            UNMAP_DMA => self.unmap(mem, arg),
            DIRTY_PAGES => self.dirty_pages(mem, arg),
            _ => return None,
        })
    }

    fn get_info<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioIommuType1Info, _>(mem, arg)?;
        let info = VfioIommuType1Info { argsz: req.value.argsz, flags: VFIO_IOMMU_INFO_PGSIZES, iova_pgsizes: IOVA_PGSIZES, ..Default::default() };
        let ranges = [
            VfioIovaRange { start: 0, end: MSI_WINDOW.start - 1 },
            VfioIovaRange { start: MSI_WINDOW.end + 1, end: IOVA_END },
        ];
        let avail = (DMA_ENTRY_LIMIT - self.mappings.len()) as u32;
        // In Linux's order: migration, DMA mappings available, IOVA ranges.
        let chain = build_chain::<VfioIommuType1Info>(|b| {
            b.add(&VfioIommuType1InfoCapMigration {
                pgsize_bitmap: PAGE_SIZE,
                max_dirty_bitmap_size: MAX_DIRTY_BITMAP_SIZE,
                ..Default::default()
            });
            b.add(&VfioIommuType1InfoDmaAvail { avail, ..Default::default() });
            b.add_flex(&VfioIommuType1InfoCapIovaRange::default(), &ranges);
        })?;
        encode_info(mem, arg, req.size, &info, info_caps::<VfioIommuType1Info>(VFIO_IOMMU_INFO_CAPS, &chain))?;
        Ok(0)
    }

    fn map<M: UserMemory + ?Sized>(&mut self, ctx: Ctx, mem: &mut M, arg: u64) -> Result<u64> {
        let map = decode_argsz::<VfioIommuType1DmaMap, _>(mem, arg)?.value;
        if map.flags & VFIO_DMA_MAP_FLAG_VADDR != 0 {
            // The VFIO_UPDATE_VADDR extension is not offered (VFIO_CHECK_EXTENSION says 0).
            return Err(DriverError::Invalid("VADDR updates are not supported"));
        }
        let prot = map.flags & (VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE);
        let last = page_range(map.iova, map.size)?;
        if prot == 0 || !map.vaddr.is_multiple_of(PAGE_SIZE) || map.vaddr.checked_add(map.size).is_none() {
            return Err(DriverError::Invalid("no access, or an unaligned or wrapping process address"));
        }
        if last > IOVA_END || (map.iova <= MSI_WINDOW.end && last >= MSI_WINDOW.start) {
            return Err(DriverError::Invalid("outside the usable IOVA ranges"));
        }
        if self.mappings.iter().any(|m| m.iova <= last && map.iova <= m.iova + (m.size - 1)) {
            return Err(DriverError::Exists);
        }
        if self.mappings.len() >= DMA_ENTRY_LIMIT {
            return Err(DriverError::NoSpace);
        }
        self.mappings.push(Mapping { iova: map.iova, size: map.size, vaddr: map.vaddr, prot, mm: ctx });
        Ok(0)
    }

    fn unmap<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioIommuType1DmaUnmap, _>(mem, arg)?;
        let mut unmap = req.value;
        let mode = unmap.flags & (VFIO_DMA_UNMAP_FLAG_ALL | VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP | VFIO_DMA_UNMAP_FLAG_VADDR);
        let (first, last) = match mode {
            0 | VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP => (unmap.iova, page_range(unmap.iova, unmap.size)?),
            VFIO_DMA_UNMAP_FLAG_ALL if unmap.iova == 0 && unmap.size == 0 => (0, u64::MAX),
            _ => return Err(DriverError::Invalid("ALL with a range or a bitmap, or VADDR")),
        };
        // Type1v2: a range may not split a mapping.
        let touched: Vec<usize> =
            (0..self.mappings.len()).filter(|&i| overlaps(&self.mappings[i], first, last)).collect();
        if touched.iter().any(|&i| self.mappings[i].iova < first || self.mappings[i].iova + (self.mappings[i].size - 1) > last) {
            return Err(DriverError::Invalid("the range splits a mapping"));
        }
        if mode == VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP {
            let bitmap = decode_payload::<VfioIommuType1DmaUnmap, VfioBitmap, _>(mem, arg, req.size)?;
            self.report_dirty(mem, first, last, bitmap)?;
        }
        let mut unmapped = 0u64;
        for &i in touched.iter().rev() {
            unmapped += self.mappings.remove(i).size;
        }
        self.dirty.retain(|&p| !(first..=last).contains(&(p * PAGE_SIZE)));
        unmap.size = unmapped;
        encode_argsz(mem, arg, req.size, &unmap)?;
        Ok(0)
    }

    fn dirty_pages<M: UserMemory + ?Sized>(&mut self, mem: &mut M, arg: u64) -> Result<u64> {
        let req = decode_argsz::<VfioIommuType1DirtyBitmap, _>(mem, arg)?;
        let ops = VFIO_IOMMU_DIRTY_PAGES_FLAG_START | VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP | VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP;
        let op = one_flag_of(req.value.flags.into(), ops.into())? as u32;
        match op {
            VFIO_IOMMU_DIRTY_PAGES_FLAG_START => {
                self.tracking = true;
                self.dirty.clear();
            }
            VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP => {
                self.tracking = false;
                self.dirty.clear();
            }
            _ => {
                let get = decode_payload::<VfioIommuType1DirtyBitmap, VfioIommuType1DirtyBitmapGet, _>(mem, arg, req.size)?;
                let last = page_range(get.iova, get.size)?;
                // As type1: the range may not cut a mapping at either end; unmapped parts
                // are simply reported clean.
                let cuts = |m: &Mapping| (m.iova < get.iova && overlaps(m, get.iova, get.iova)) || (overlaps(m, last, last) && m.iova + (m.size - 1) > last);
                if self.mappings.iter().any(cuts) {
                    return Err(DriverError::Invalid("the range cuts a mapping"));
                }
                self.report_dirty(mem, get.iova, last, get.bitmap)?;
            }
        }
        Ok(0)
    }

    /// Writes the dirty bits of `first..=last` into the caller's bitmap and forgets them.
    fn report_dirty<M: UserMemory + ?Sized>(&mut self, mem: &mut M, first: u64, last: u64, bitmap: VfioBitmap) -> Result<()> {
        if !self.tracking {
            return Err(DriverError::Invalid("dirty page logging is off"));
        }
        if bitmap.pgsize != PAGE_SIZE {
            return Err(DriverError::Invalid("bitmap page size is not the IOMMU's smallest"));
        }
        // One bit per page, in whole u64 words; the caller's buffer must hold them.
        let pages = (last - first) / PAGE_SIZE + 1;
        let bytes = pages.div_ceil(64) * 8;
        if bytes > bitmap.size || bytes > MAX_DIRTY_BITMAP_SIZE {
            return Err(DriverError::Invalid("bitmap too small, or larger than the IOMMU reports"));
        }
        let mut words = vec![0u64; (bytes / 8) as usize];
        let first_page = first / PAGE_SIZE;
        for &p in self.dirty.range(first_page..=last / PAGE_SIZE) {
            let bit = p - first_page;
            words[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        let raw: Vec<u8> = words.iter().flat_map(|w| w.to_ne_bytes()).collect();
        mem.write(bitmap.data, &raw)?;
        self.dirty.retain(|&p| !(first_page..=last / PAGE_SIZE).contains(&p));
        Ok(())
    }

    /// Whether every page of `first..=last` is mapped.
    fn covered(&self, first: u64, last: u64) -> bool {
        let mut at = first;
        while let Some(m) = self.mappings.iter().find(|m| m.iova <= at && at <= m.iova + (m.size - 1)) {
            match (m.iova + (m.size - 1)).checked_add(1) {
                Some(next) if next <= last => at = next,
                _ => return true,
            }
        }
        false
    }

    /// A device writes (or reads) `len` bytes at `iova`: allowed only through a mapping that
    /// permits it; a write while logging marks its pages dirty.
    pub fn dma(&mut self, iova: u64, len: u64, write: bool) -> Result<()> {
        let last = iova.checked_add(len.max(1) - 1).ok_or(DriverError::Invalid("IOMMU fault"))?;
        let need = if write { VFIO_DMA_MAP_FLAG_WRITE } else { VFIO_DMA_MAP_FLAG_READ };
        let allowed = self.covered(iova & !(PAGE_SIZE - 1), last)
            && self.mappings.iter().filter(|m| overlaps(m, iova, last)).all(|m| m.prot & need != 0);
        if !allowed {
            return Err(DriverError::Invalid("IOMMU fault"));
        }
        if write && self.tracking {
            self.dirty.extend(iova / PAGE_SIZE..=last / PAGE_SIZE);
        }
        Ok(())
    }
}

/// The last byte of a page-aligned, non-empty range that does not wrap, or EINVAL.
fn page_range(iova: u64, size: u64) -> Result<u64> {
    if size == 0 || !iova.is_multiple_of(PAGE_SIZE) || !size.is_multiple_of(PAGE_SIZE) {
        return Err(DriverError::Invalid("empty or unaligned range"));
    }
    iova.checked_add(size - 1).ok_or(DriverError::Invalid("range wraps"))
}

fn overlaps(m: &Mapping, first: u64, last: u64) -> bool {
    m.iova <= last && first <= m.iova + (m.size - 1)
}
