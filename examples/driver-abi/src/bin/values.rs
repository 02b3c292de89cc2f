//! Prints the numbers of the ABI as Rust sees them, in the same form as `c/client.c` prints
//! them as C sees them: the two must agree on every architecture.

use driver_abi::mydrv::*;
use uabi::Extensible;

fn main() {
    println!("sizeof(struct mydrv_info) = {}", core::mem::size_of::<MydrvInfo>());
    println!("MYDRV_INFO_MINSZ = {}", MydrvInfo::MINSZ);
    println!("offsetof(struct mydrv_info, doorbell) = {}", core::mem::offset_of!(MydrvInfo, doorbell));
    println!("sizeof(struct mydrv_queue) = {}", core::mem::size_of::<MydrvQueue>());
    println!("MYDRV_INFO_FLAGS_VER2 = {:#x}", MydrvInfo::VERSIONS[1].known_flags);
    println!("MYDRV_GET_INFO = {:#x}", MYDRV_GET_INFO.request());
    println!("MYDRV_SET_QUEUE = {:#x}", MYDRV_SET_QUEUE.request());
    println!("default argsz = {}", MydrvInfo::default().argsz);
    eprintln!("include dir: {}", driver_abi::INCLUDE_DIR);
}
