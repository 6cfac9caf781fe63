! The Fortran side of the interop examples (the mpi4py manual's F2Py item): a subroutine that takes a Fortran
! communicator handle, compiled into libhellof.a with the MPI Fortran wrapper by the build.
subroutine hello_f(comm) bind(C, name="hello_f")
  use mpi
  use iso_c_binding, only: c_int
  implicit none
  integer(c_int), value :: comm
  integer :: rank, size, ierr
  call MPI_Comm_rank(comm, rank, ierr)
  call MPI_Comm_size(comm, size, ierr)
  write (*, '(a,i0,a,i0,a)') "Hello, World! I am process ", rank, " of ", size, " (Fortran subroutine)."
  flush(6)
end subroutine hello_f
