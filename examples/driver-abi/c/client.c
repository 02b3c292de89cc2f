/* A C user of mydrv's ABI: it includes only the generated header. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <mydrv/mydrv.h>

int main(void)
{
	struct mydrv_info info;

	memset(&info, 0, sizeof(info));
	info.argsz = sizeof(info);
	printf("sizeof(struct mydrv_info) = %zu\n", sizeof(struct mydrv_info));
	printf("MYDRV_INFO_MINSZ = %d\n", (int)MYDRV_INFO_MINSZ);
	printf("offsetof(struct mydrv_info, doorbell) = %zu\n", offsetof(struct mydrv_info, doorbell));
	printf("sizeof(struct mydrv_queue) = %zu\n", sizeof(struct mydrv_queue));
	printf("MYDRV_INFO_FLAGS_VER2 = %#x\n", (unsigned)MYDRV_INFO_FLAGS_VER2);
	printf("MYDRV_GET_INFO = %#lx\n", (unsigned long)MYDRV_GET_INFO);
	printf("MYDRV_SET_QUEUE = %#lx\n", (unsigned long)MYDRV_SET_QUEUE);
	printf("default argsz = %u\n", info.argsz);
	return 0;
}
