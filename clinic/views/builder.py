"""The routine builder's pages: templates made from the exercise library, then
assigned. The writes, and why they are safe for the plans made before, are in
routines/builder.py (and learn/plans.py for copies, which bring their reads)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts.access import linked_patient, parse_uuid, patients_of, require_clinician
from clinic.forms import AddItemForm, ItemForm, RoutineSettingsForm
from exercises.forms import LibraryFilterForm
from exercises.models import Equipment, Exercise
from learn import plans
from learn.forms import AttachReadForm
from learn.reads import reads_context
from routines import builder as routine_builder
from routines.access import editable_template, usable_template, usable_templates
from routines.models import Routine, RoutineItem

TEMPLATE = "clinic/builder.html"


ITEM_RELATED = ("exercise__easier", "bad_day_exercise")


def _builder_context(request, routine: Routine, **extra) -> dict:
    form = LibraryFilterForm(request.GET or None, equipment=Equipment.objects.all())
    library = Exercise.objects.published().for_cards()
    if form.is_bound:
        form.is_valid()
        library = form.filter(library)
    items = list(routine.items.all())
    item_forms = extra.pop("item_forms", {})
    variants = [(e.pk, e.name) for e in Exercise.objects.published().only("id", "name")]
    context = {
        "routine": routine,
        "rows": [
            (
                item,
                item_forms.get(item.pk)
                or ItemForm(instance=item, prefix=f"i{item.pk}", variant_choices=variants),
            )
            for item in items
        ],
        "form": form,
        "exercises": library,
        "settings_form": RoutineSettingsForm(
            initial={"title": routine.title, "shared": routine.shared}
        ),
        "for_patient": extra.pop("for_patient", None),
        "read_form": AttachReadForm(),
        **reads_context(routine),
    }
    context.update(extra)
    return context


def _routine(request, code) -> Routine:
    """The clinician's own template with its items, in one lookup (404 otherwise)."""
    clinician = require_clinician(request.user)
    return editable_template(clinician, code, Routine.objects.with_items(*ITEM_RELATED))


def _reloaded(routine: Routine) -> Routine:
    """The same routine with its items as they are now (after an add, move or edit)."""
    return Routine.objects.with_items(*ITEM_RELATED).get(pk=routine.pk)


@require_GET
@never_cache
def routine_list(request: HttpRequest) -> HttpResponse:
    clinician = require_clinician(request.user)
    templates = usable_templates(clinician).select_related("owner").order_by("title")
    return render(request, "clinic/routines.html", {"templates": templates})


@require_POST
def create_routine(request: HttpRequest) -> HttpResponse:
    routine = routine_builder.create(require_clinician(request.user))
    return redirect("clinic:builder", code=routine.code)


@require_GET
@never_cache
@vary_on_headers("HX-Request")
def builder(request: HttpRequest, code) -> HttpResponse:
    routine = _routine(request, code)
    patient = None
    if request.GET.get("patient"):
        # "Assign to …" for the patient whose plan is being edited (linked ones only).
        code = parse_uuid(request.GET["patient"])
        patient = patients_of(request.user).filter(code=code).first()
    context = _builder_context(request, routine, for_patient=patient)
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, f"{TEMPLATE}#library", context)
    return render(request, TEMPLATE, context)


def _respond(request, routine: Routine, status: int = 200, **extra) -> HttpResponse:
    if request.htmx:
        routine = _reloaded(routine)
        return render(
            request,
            f"{TEMPLATE}#items",
            _builder_context(request, routine, **extra),
            status=status,
        )
    if status != 200:
        routine = _reloaded(routine)
        return render(request, TEMPLATE, _builder_context(request, routine, **extra), status=status)
    return redirect(reverse("clinic:builder", args=[routine.code]) + "#routine")


@require_POST
def add_item(request: HttpRequest, code) -> HttpResponse:
    routine = _routine(request, code)
    form = AddItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That exercise isn't in the library."))
        return _respond(request, routine, status=422)
    routine_builder.add_item(routine, form.cleaned_data["exercise"])
    return _respond(request, routine)


def _item(routine: Routine, item_code) -> RoutineItem:
    item = next((i for i in routine.items.all() if i.code == item_code), None)
    if item is None:
        raise Http404
    return item


@require_POST
def update_item(request: HttpRequest, code, item_code) -> HttpResponse:
    routine = _routine(request, code)
    item = _item(routine, item_code)
    form = ItemForm(request.POST, instance=item, prefix=f"i{item.pk}")
    if not form.is_valid():
        return _respond(request, routine, status=422, item_forms={item.pk: form})
    routine_builder.update_item(item, form.cleaned_data)
    return _respond(request, routine)


@require_POST
def move_item(request: HttpRequest, code, item_code) -> HttpResponse:
    """Up or down one place. Orders are rewritten 0..n, so gaps and ties heal."""
    routine = _routine(request, code)
    item = _item(routine, item_code)
    routine_builder.move_item(routine, item, up=request.POST.get("direction") == "up")
    return _respond(request, routine)


@require_POST
def remove_item(request: HttpRequest, code, item_code) -> HttpResponse:
    routine = _routine(request, code)
    routine_builder.remove_item(_item(routine, item_code))
    return _respond(request, routine)


@require_POST
def routine_settings(request: HttpRequest, code) -> HttpResponse:
    routine = _routine(request, code)
    form = RoutineSettingsForm(request.POST)
    if not form.is_valid():
        return _respond(request, routine, status=422, settings_errors=form.errors)
    routine_builder.save_settings(
        routine, title=form.cleaned_data["title"], shared=form.cleaned_data["shared"]
    )
    messages.success(request, _("Saved."))
    return redirect("clinic:builder", code=routine.code)


@require_POST
def duplicate(request: HttpRequest, code) -> HttpResponse:
    clinician = require_clinician(request.user)
    source = usable_template(clinician, code)
    copy = plans.copy_with_reads(
        source, clinician, _("Copy of %(title)s") % {"title": source.title}
    )
    messages.success(request, _("This is your own copy: change it as you like."))
    return redirect("clinic:builder", code=copy.code)


@require_POST
def delete_routine(request: HttpRequest, code) -> HttpResponse:
    routine = _routine(request, code)
    routine_builder.delete(routine)
    messages.success(request, _("The routine is deleted. Plans made from it are unchanged."))
    return redirect("clinic:routines")


@require_POST
def edit_plan(request: HttpRequest, code) -> HttpResponse:
    """Start changing a patient's plan: a copy to edit, assigned again when ready."""
    clinician = require_clinician(request.user)
    patient = linked_patient(clinician, code)
    plan = get_object_or_404(Routine.objects.for_patient(patient).active())
    copy = plans.copy_with_reads(plan, clinician, plan.title)
    messages.info(
        request,
        _(
            "Change the routine, then assign it to %(name)s. Their current plan and "
            "history stay as they are until you do."
        )
        % {"name": patient.name},
    )
    return redirect(reverse("clinic:builder", args=[copy.code]) + f"?patient={patient.code}")
