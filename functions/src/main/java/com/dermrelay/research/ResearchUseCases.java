package com.dermrelay.research;

import com.dermrelay.research.consent.GetMyResearchConsent;
import com.dermrelay.research.consent.GiveResearchConsent;
import com.dermrelay.research.consent.WithdrawResearchConsent;
import com.dermrelay.research.export.DeidentifyResearchRows;
import com.dermrelay.research.export.DownloadResearchExport;
import com.dermrelay.research.export.FailResearchExport;
import com.dermrelay.research.export.GetResearchExport;
import com.dermrelay.research.export.ListResearchExports;
import com.dermrelay.research.export.PackageResearchExport;
import com.dermrelay.research.export.PrepareResearchPhotos;
import com.dermrelay.research.export.SelectResearchCases;
import com.dermrelay.research.export.StartResearchExport;
import com.dermrelay.research.marks.ListPhotoMarks;
import com.dermrelay.research.marks.SetPhotoFaceFree;
import javax.inject.Inject;

/** The research use cases, one component accessor for the handlers in research.* . */
public final class ResearchUseCases {
  public final GetMyResearchConsent getConsent;
  public final GiveResearchConsent giveConsent;
  public final WithdrawResearchConsent withdrawConsent;
  public final ListPhotoMarks listMarks;
  public final SetPhotoFaceFree setFaceFree;
  public final StartResearchExport start;
  public final ListResearchExports list;
  public final GetResearchExport get;
  public final DownloadResearchExport download;
  public final SelectResearchCases select;
  public final DeidentifyResearchRows deidentify;
  public final PrepareResearchPhotos preparePhotos;
  public final PackageResearchExport packageExport;
  public final FailResearchExport fail;

  @Inject
  public ResearchUseCases(
      GetMyResearchConsent getConsent,
      GiveResearchConsent giveConsent,
      WithdrawResearchConsent withdrawConsent,
      ListPhotoMarks listMarks,
      SetPhotoFaceFree setFaceFree,
      StartResearchExport start,
      ListResearchExports list,
      GetResearchExport get,
      DownloadResearchExport download,
      SelectResearchCases select,
      DeidentifyResearchRows deidentify,
      PrepareResearchPhotos preparePhotos,
      PackageResearchExport packageExport,
      FailResearchExport fail) {
    this.getConsent = getConsent;
    this.giveConsent = giveConsent;
    this.withdrawConsent = withdrawConsent;
    this.listMarks = listMarks;
    this.setFaceFree = setFaceFree;
    this.start = start;
    this.list = list;
    this.get = get;
    this.download = download;
    this.select = select;
    this.deidentify = deidentify;
    this.preparePhotos = preparePhotos;
    this.packageExport = packageExport;
    this.fail = fail;
  }
}
